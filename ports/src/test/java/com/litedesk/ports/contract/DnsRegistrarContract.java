package com.litedesk.ports.contract;

import com.litedesk.ports.platform.DnsRegistrar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link DnsRegistrar}: registering is idempotent and re-points a host, unregistering a missing
 * host does nothing, lookups see exactly what is registered. Every registrar (a local file, Route 53) runs it.
 */
public abstract class DnsRegistrarContract {

    protected abstract DnsRegistrar registrar();

    /** A host under the registrar's domain. */
    protected abstract String host(String subdomain);

    /** Two different targets the registrar accepts. */
    protected abstract String target();

    protected abstract String otherTarget();

    @Test
    void aRegisteredHostPointsAtItsTarget() {
        registrar().register(host("acme"), target());

        assertThat(registrar().lookup(host("acme"))).contains(target());
        assertThat(registrar().lookup(host("globex"))).isEmpty();
    }

    @Test
    void registeringAgainIsIdempotentAndRepoints() {
        registrar().register(host("initech"), target());
        registrar().register(host("initech"), target());
        assertThat(registrar().lookup(host("initech"))).contains(target());

        registrar().register(host("initech"), otherTarget());
        assertThat(registrar().lookup(host("initech"))).contains(otherTarget());
    }

    @Test
    void unregisteringRemovesTheHostAndUnregisteringAgainDoesNothing() {
        registrar().register(host("hooli"), target());
        registrar().register(host("umbrella"), target());

        registrar().unregister(host("hooli"));
        registrar().unregister(host("hooli"));
        registrar().unregister(host("never-registered"));

        assertThat(registrar().lookup(host("hooli"))).isEmpty();
        assertThat(registrar().lookup(host("umbrella"))).contains(target());
    }
}
