package com.litedesk.adapters.aws;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.contract.DnsRegistrarContract;
import com.litedesk.ports.platform.DnsRegistrar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a local Route 53 stand-in that checks the signed requests and the change batches. */
class Route53DnsRegistrarTest extends DnsRegistrarContract {

    private Route53StandIn route53;
    private Route53DnsRegistrar registrar;

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        TestCredentials.install();
    }

    @BeforeEach
    void start() throws IOException {
        route53 = new Route53StandIn("Z0EXAMPLE");
        registrar = registrar(new Route53Settings("Z0EXAMPLE", null, 60, Duration.ofSeconds(5), Duration.ofMillis(20)));
    }

    private Route53DnsRegistrar registrar(Route53Settings settings) {
        return Route53DnsRegistrar.create(settings, route53.endpoint(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        registrar.close();
        route53.close();
    }

    @Override
    protected DnsRegistrar registrar() {
        return registrar;
    }

    @Override
    protected String host(String subdomain) {
        return subdomain + ".crm.example.com";
    }

    @Override
    protected String target() {
        return "lb-1234.elb.eu-west-1.amazonaws.com";
    }

    @Override
    protected String otherTarget() {
        return "203.0.113.10";
    }

    @Test
    void registeringIsOneUpsertOfACnameWaitedForUntilInSync() {
        route53.pollsBeforeInSync(3);

        registrar.register("acme.crm.example.com", "lb-1234.elb.eu-west-1.amazonaws.com");

        assertThat(route53.changes()).hasSize(1);
        var call = route53.changes().getFirst();
        assertThat(call.action()).isEqualTo("UPSERT");
        assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/route53/aws4_request, SignedHeaders=");
        assertThat(call.record()).isEqualTo(new Route53StandIn.Rrset("acme.crm.example.com.", "CNAME", 60,
                List.of("lb-1234.elb.eu-west-1.amazonaws.com."), null, null));
        assertThat(call.comment()).contains("acme.crm.example.com");
    }

    @Test
    void anIpv4TargetIsAnARecordAndAnAliasZoneMakesAnAliasRecord() {
        registrar.register("acme.crm.example.com", "203.0.113.10");
        try (var alias = registrar(new Route53Settings("Z0EXAMPLE", "Z32O12XQLNTSW2", 60, Duration.ofSeconds(5), Duration.ofMillis(20)))) {
            alias.register("globex.crm.example.com", "k8s-ingress-1234.elb.eu-west-1.amazonaws.com");
            assertThat(alias.lookup("globex.crm.example.com")).contains("k8s-ingress-1234.elb.eu-west-1.amazonaws.com");
        }

        assertThat(route53.records().values()).containsExactlyInAnyOrder(
                new Route53StandIn.Rrset("acme.crm.example.com.", "A", 60, List.of("203.0.113.10"), null, null),
                new Route53StandIn.Rrset("globex.crm.example.com.", "A", 0, List.of(),
                        "k8s-ingress-1234.elb.eu-west-1.amazonaws.com.", "Z32O12XQLNTSW2"));
    }

    @Test
    void unregisteringDeletesTheRecordExactlyAsItStands() {
        registrar.register("acme.crm.example.com", "203.0.113.10");

        registrar.unregister("acme.crm.example.com");

        assertThat(route53.changes()).extracting(Route53StandIn.ChangeCall::action).containsExactly("UPSERT", "DELETE");
        assertThat(route53.changes().get(1).record().values()).containsExactly("203.0.113.10");
        assertThat(route53.records()).isEmpty();
    }

    @Test
    void aRefusedChangeIsUnavailableAndChangesNothing() {
        route53.refuseNextChanges(1);

        assertThatThrownBy(() -> registrar.register("acme.crm.example.com", "203.0.113.10"))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("Route 53 refused to register acme.crm.example.com").contains("not permitted");
                });
        assertThat(route53.records()).isEmpty();

        registrar.register("acme.crm.example.com", "203.0.113.10");
        assertThat(registrar.lookup("acme.crm.example.com")).contains("203.0.113.10");
    }

    @Test
    void aChangeThatNeverGetsInSyncFailsAfterTheTimeout() {
        route53.neverInSync(true);
        var impatient = registrar(new Route53Settings("Z0EXAMPLE", null, 60, Duration.ofMillis(300), Duration.ofMillis(20)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.register("acme.crm.example.com", "203.0.113.10"))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("not INSYNC after 0 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
        impatient.close();
    }

    @Test
    void anUnknownZoneIsUnavailableWithRoute53sMessage() {
        try (var wrong = registrar(Route53Settings.of("ZNOTMINE"))) {
            assertThatThrownBy(() -> wrong.register("acme.crm.example.com", "203.0.113.10"))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("No hosted zone found");
                    });
        }
    }
}
