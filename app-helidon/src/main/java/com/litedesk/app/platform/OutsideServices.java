package com.litedesk.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.adapters.aws.Route53DnsRegistrar;
import com.litedesk.adapters.aws.Route53Settings;
import com.litedesk.adapters.aws.S3BackupStore;
import com.litedesk.adapters.aws.S3Settings;
import com.litedesk.adapters.aws.SesMailer;
import com.litedesk.app.config.Integrations;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.platform.BackupStore;
import com.litedesk.ports.platform.DnsRegistrar;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS registrar, backup store and mail delivery LITEDESK_DNS, LITEDESK_BACKUPS and LITEDESK_MAIL choose: local
 * ones under the data directory, or Route 53, S3 and SES (or any SMTP server for mail).
 *
 * @param mailDelivery null when mail is only kept in the outbox
 */
public record OutsideServices(DnsRegistrar dns, BackupStore backups, Mailer mailDelivery, List<AutoCloseable> resources)
        implements AutoCloseable {

    public static OutsideServices choose(LiteDeskConfig config, ObjectMapper json, Clock clock) {
        Integrations in = config.integrations();
        List<AutoCloseable> resources = new ArrayList<>();
        DnsRegistrar dns;
        if (in.dns().equals("route53")) {
            var route53 = Route53DnsRegistrar.create(new Route53Settings(in.route53ZoneId().replaceFirst("^/hostedzone/", ""),
                    in.route53AliasZoneId(), in.route53Ttl(), Duration.ofSeconds(100), Duration.ofSeconds(2)), in.route53Endpoint(), clock);
            resources.add(route53);
            dns = route53;
        } else {
            dns = new LocalDnsRegistrar(config.dataDir().resolve("dns-records.json"), json);
        }
        BackupStore backups;
        if (in.backups().equals("s3")) {
            var s3 = S3BackupStore.create(new S3Settings(in.awsRegion(), in.s3Bucket(), in.s3Prefix(), in.s3KmsKeyId(), 8 * 1024 * 1024),
                    in.s3Endpoint());
            resources.add(s3);
            backups = s3;
        } else {
            backups = new FileBackupStore(config.dataDir().resolve("backups"));
        }
        return new OutsideServices(dns, backups, mailDelivery(config, resources), List.copyOf(resources));
    }

    /** SES when LITEDESK_MAIL=ses (added to {@code resources} to close), an SMTP server when smtp, else null. */
    public static Mailer mailDelivery(LiteDeskConfig config, List<AutoCloseable> resources) {
        Integrations in = config.integrations();
        if (in.mail().equals("smtp")) {
            return new com.litedesk.adapters.smtp.SmtpMailer(in.smtp());
        }
        if (!in.mail().equals("ses")) {
            return null;
        }
        var ses = SesMailer.create(in.awsRegion(), in.mailFrom(), in.sesEndpoint());
        resources.add(ses);
        return ses;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // shutting down
            }
        }
    }
}
