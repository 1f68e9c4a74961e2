package com.litedesk.adapters.aws;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DnsRegistrar;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link DnsRegistrar} on an Amazon Route 53 hosted zone. An instance host is one record: an A record when the
 * target is an IPv4 address, an alias A record when an alias zone is configured (the target is then a load
 * balancer's DNS name), a CNAME otherwise. Registering is one atomic UPSERT change and unregistering one DELETE
 * of the record as it stands; each call returns only when Route 53 reports the change INSYNC. A change that is
 * refused or does not reach INSYNC in time is UNAVAILABLE: the provisioning step fails and is retried, and
 * because every change is a whole record, a host is never left half-registered. Credentials come only from the
 * SDK's default provider chain. Thread-safe; close it when done.
 */
public final class Route53DnsRegistrar implements DnsRegistrar, AutoCloseable {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})(\\.\\d{1,3}){3}$");

    private final Route53Client client;
    private final Route53Settings settings;
    private final Clock clock;

    Route53DnsRegistrar(Route53Client client, Route53Settings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A registrar for {@code settings}' hosted zone.
     *
     * @param endpoint another endpoint than Route 53's (a local stand-in), or null
     */
    public static Route53DnsRegistrar create(Route53Settings settings, URI endpoint, Clock clock) {
        var builder = AwsClients.configure(Route53Client.builder(), Region.AWS_GLOBAL, endpoint, Duration.ofSeconds(20));
        return new Route53DnsRegistrar(builder.build(), settings, clock);
    }

    @Override
    public void register(String host, String target) {
        change(ChangeAction.UPSERT, recordOf(host, target), "register " + host + " → " + target);
    }

    @Override
    public void unregister(String host) {
        Optional<ResourceRecordSet> current = find(host);
        if (current.isEmpty()) {
            return;
        }
        try {
            change(ChangeAction.DELETE, current.get(), "unregister " + host);
        } catch (LiteDeskException e) {
            if (!(e.getCause() instanceof InvalidChangeBatchException) || find(host).isPresent()) {
                throw e;
            }
            // deleted meanwhile: what was asked is done
        }
    }

    @Override
    public Optional<String> lookup(String host) {
        return find(host).map(r -> r.aliasTarget() != null ? stripDot(r.aliasTarget().dnsName())
                : r.resourceRecords().isEmpty() ? null : stripDot(r.resourceRecords().getFirst().value()));
    }

    private Optional<ResourceRecordSet> find(String host) {
        String name = fqdn(host);
        try {
            return client.listResourceRecordSets(b -> b.hostedZoneId(settings.hostedZoneId()).startRecordName(name).maxItems("2"))
                    .resourceRecordSets().stream()
                    .filter(r -> fqdn(r.name()).equals(name))
                    .filter(r -> r.type() == RRType.A || r.type() == RRType.CNAME)
                    .findFirst();
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("Route 53 did not list the records of " + host + ": " + describe(e), e);
        }
    }

    private ResourceRecordSet recordOf(String host, String target) {
        var record = ResourceRecordSet.builder().name(fqdn(host));
        if (settings.aliasHostedZoneId() != null) {
            return record.type(RRType.A).aliasTarget(AliasTarget.builder().dnsName(fqdn(target))
                    .hostedZoneId(settings.aliasHostedZoneId()).evaluateTargetHealth(false).build()).build();
        }
        boolean address = IPV4.matcher(target).matches();
        return record.type(address ? RRType.A : RRType.CNAME).ttl(settings.ttlSeconds())
                .resourceRecords(ResourceRecord.builder().value(address ? target : fqdn(target)).build()).build();
    }

    private void change(ChangeAction action, ResourceRecordSet record, String what) {
        String changeId;
        try {
            changeId = client.changeResourceRecordSets(b -> b.hostedZoneId(settings.hostedZoneId()).changeBatch(batch -> batch
                            .comment("LiteDesk: " + what)
                            .changes(Change.builder().action(action).resourceRecordSet(record).build())))
                    .changeInfo().id();
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("Route 53 refused to " + what + ": " + describe(e), e);
        }
        awaitInSync(changeId, what);
    }

    private void awaitInSync(String changeId, String what) {
        Instant deadline = clock.instant().plus(settings.syncTimeout());
        while (true) {
            ChangeStatus status;
            try {
                status = client.getChange(b -> b.id(changeId)).changeInfo().status();
            } catch (SdkException e) {
                throw LiteDeskException.unavailable("Route 53 did not report change " + changeId + " (" + what + "): " + describe(e), e);
            }
            if (status == ChangeStatus.INSYNC) {
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw LiteDeskException.unavailable("Route 53 change " + changeId + " (" + what + ") not INSYNC after "
                        + settings.syncTimeout().toSeconds() + " s", null);
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LiteDeskException.unavailable("interrupted while waiting for Route 53 to " + what, e);
            }
        }
    }

    /** Route 53's own words: the messages of a refused change batch, or the error's message. */
    private static String describe(SdkException e) {
        if (e instanceof InvalidChangeBatchException refused && refused.hasMessages() && !refused.messages().isEmpty()) {
            return String.join("; ", refused.messages());
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    private static String fqdn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void close() {
        client.close();
    }
}
