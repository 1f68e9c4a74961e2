package com.litedesk.app.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Where mail, DNS records and backups go. Locally: the outbox (mail kept, not delivered), a DNS file and a backup
 * directory under the data directory. On AWS: SES, Route 53 and S3, each chosen on its own, with credentials
 * only from the AWS SDK's default chain (environment, profile, web identity, instance role).
 *
 * @param mail {@code outbox}, {@code ses} or {@code smtp}
 * @param mailFrom the sender of every mail (an SES-verified identity with {@code ses})
 * @param smtp with {@code smtp}: the server, its port and security, the credentials and the sender; else null
 * @param awsRegion LITEDESK_AWS_REGION, else AWS_REGION: the region of SES and the S3 bucket
 * @param dns {@code local} or {@code route53}
 * @param dnsTarget what instance hosts point at: the ingress load balancer's DNS name, or an IPv4 address
 * @param backups {@code file} or {@code s3}
 * @param backupRetention backups older than this are deleted (each instance's newest is always kept)
 */
public record Integrations(
        String mail,
        String mailFrom,
        String awsRegion,
        URI sesEndpoint,
        String dns,
        String dnsTarget,
        String route53ZoneId,
        String route53AliasZoneId,
        int route53Ttl,
        URI route53Endpoint,
        String backups,
        String s3Bucket,
        String s3Prefix,
        String s3KmsKeyId,
        URI s3Endpoint,
        Duration backupRetention,
        com.litedesk.adapters.smtp.SmtpSettings smtp) {

    /**
     * How an instance that runs apart (a container, a pod) sends mail through the same SMTP server as the control plane:
     * its settings as the instance's environment, without the password (see {@link #smtpPassword()}); empty unless
     * LITEDESK_MAIL=smtp.
     */
    public java.util.Map<String, String> smtpEnvironment() {
        if (smtp == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("LITEDESK_MAIL", "smtp");
        env.put("LITEDESK_SMTP_HOST", smtp.host());
        env.put("LITEDESK_SMTP_PORT", Integer.toString(smtp.port()));
        env.put("LITEDESK_SMTP_SECURITY", smtp.security().name().toLowerCase(Locale.ROOT));
        env.put("LITEDESK_SMTP_FROM", smtp.from());
        if (smtp.username() != null) {
            env.put("LITEDESK_SMTP_USERNAME", smtp.username());
        }
        return env;
    }

    /** The SMTP password instances need with {@link #smtpEnvironment()}, or null. */
    public String smtpPassword() {
        return smtp == null ? null : smtp.password();
    }

    static Integrations from(Function<String, String> get) {
        String mail = oneOf(get, "LITEDESK_MAIL", Set.of("outbox", "ses", "smtp"));
        String dns = oneOf(get, "LITEDESK_DNS", Set.of("local", "route53"));
        String backups = oneOf(get, "LITEDESK_BACKUPS", Set.of("file", "s3"));
        String region = LiteDeskConfig.blankToNull(get.apply("LITEDESK_AWS_REGION"));
        if (region == null) {
            region = LiteDeskConfig.blankToNull(get.apply("AWS_REGION"));
        }
        String from = LiteDeskConfig.required(get, "LITEDESK_MAIL_FROM");
        if (mail.equals("ses")) {
            if (!from.contains("@")) {
                throw new ConfigurationError("LITEDESK_MAIL=ses needs LITEDESK_MAIL_FROM, an address verified in SES, got '" + from + "'");
            }
            needRegion(region, "LITEDESK_MAIL=ses");
        }
        String dnsTarget = LiteDeskConfig.blankToNull(get.apply("LITEDESK_DNS_TARGET"));
        String zone = LiteDeskConfig.blankToNull(get.apply("LITEDESK_ROUTE53_ZONE_ID"));
        if (dns.equals("route53")) {
            if (zone == null || !zone.matches("^(/hostedzone/)?[A-Z0-9]{1,32}$")) {
                throw new ConfigurationError("LITEDESK_DNS=route53 needs LITEDESK_ROUTE53_ZONE_ID, the hosted zone of the base domain (Z…)"
                        + (zone == null ? "" : ", got '" + zone + "'"));
            }
            if (dnsTarget == null) {
                throw new ConfigurationError("LITEDESK_DNS=route53 needs LITEDESK_DNS_TARGET, what instance hosts point at "
                        + "(the ingress load balancer's DNS name or an IPv4 address)");
            }
        }
        String bucket = LiteDeskConfig.blankToNull(get.apply("LITEDESK_S3_BUCKET"));
        if (backups.equals("s3")) {
            if (bucket == null || !bucket.matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")) {
                throw new ConfigurationError("LITEDESK_BACKUPS=s3 needs LITEDESK_S3_BUCKET, an S3 bucket name"
                        + (bucket == null ? "" : ", got '" + bucket + "'"));
            }
            needRegion(region, "LITEDESK_BACKUPS=s3");
        }
        String prefix = LiteDeskConfig.blankToNull(get.apply("LITEDESK_S3_PREFIX"));
        if (prefix != null && (prefix.startsWith("/") || prefix.contains(".."))) {
            throw new ConfigurationError("LITEDESK_S3_PREFIX must be a relative key prefix such as backups/, got '" + prefix + "'");
        }
        return new Integrations(mail, from, region, uri(get, "LITEDESK_SES_ENDPOINT"),
                dns, dnsTarget == null ? "127.0.0.1" : dnsTarget, zone, LiteDeskConfig.blankToNull(get.apply("LITEDESK_ROUTE53_ALIAS_ZONE_ID")),
                LiteDeskConfig.integer(get, "LITEDESK_ROUTE53_TTL", 1, 172_800), uri(get, "LITEDESK_ROUTE53_ENDPOINT"),
                backups, bucket, prefix == null ? "" : prefix, LiteDeskConfig.blankToNull(get.apply("LITEDESK_S3_KMS_KEY_ID")),
                uri(get, "LITEDESK_S3_ENDPOINT"), retention(get), mail.equals("smtp") ? smtp(get, from) : null);
    }

    /** LITEDESK_SMTP_*: the server (required), its security (starttls, tls, none) and port, credentials, the sender. */
    private static com.litedesk.adapters.smtp.SmtpSettings smtp(Function<String, String> get, String mailFrom) {
        String host = LiteDeskConfig.blankToNull(get.apply("LITEDESK_SMTP_HOST"));
        if (host == null || !host.matches("^[A-Za-z0-9.-]{1,253}$|^\\[[0-9A-Fa-f:.]{2,45}]$")) {
            throw new ConfigurationError("LITEDESK_MAIL=smtp needs LITEDESK_SMTP_HOST, the mail server's host name"
                    + (host == null ? "" : ", got '" + host + "'"));
        }
        String security = oneOf(get, "LITEDESK_SMTP_SECURITY", Set.of("starttls", "tls", "none"));
        var mode = com.litedesk.adapters.smtp.SmtpSettings.Security.valueOf(security.toUpperCase(Locale.ROOT));
        int port = LiteDeskConfig.blankToNull(get.apply("LITEDESK_SMTP_PORT")) == null
                ? switch (mode) { case STARTTLS -> 587; case TLS -> 465; case NONE -> 25; }
                : LiteDeskConfig.integer(get, "LITEDESK_SMTP_PORT", 1, 65_535);
        String username = LiteDeskConfig.blankToNull(get.apply("LITEDESK_SMTP_USERNAME"));
        String password = LiteDeskConfig.blankToNull(get.apply("LITEDESK_SMTP_PASSWORD"));
        if (username == null && password != null) {
            throw new ConfigurationError("LITEDESK_SMTP_PASSWORD is set without LITEDESK_SMTP_USERNAME");
        }
        if (username != null && password == null) {
            throw new ConfigurationError("LITEDESK_SMTP_USERNAME needs LITEDESK_SMTP_PASSWORD");
        }
        String from = LiteDeskConfig.blankToNull(get.apply("LITEDESK_SMTP_FROM"));
        from = from == null ? mailFrom : from;
        try {
            new jakarta.mail.internet.InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new ConfigurationError("LITEDESK_SMTP_FROM (else LITEDESK_MAIL_FROM) must be a mail address such as "
                    + "'Acme CRM <crm@acme.example>', got '" + from + "'");
        }
        return new com.litedesk.adapters.smtp.SmtpSettings(host, port, mode, username, password, from, Duration.ofSeconds(20));
    }

    private static void needRegion(String region, String what) {
        if (region == null) {
            throw new ConfigurationError(what + " needs an AWS region: set LITEDESK_AWS_REGION (or AWS_REGION)");
        }
        if (!region.matches("^[a-z]{2}(-[a-z]+)+-\\d$")) {
            throw new ConfigurationError("LITEDESK_AWS_REGION must be an AWS region such as eu-west-1, got '" + region + "'");
        }
    }

    private static String oneOf(Function<String, String> get, String name, Set<String> allowed) {
        String value = LiteDeskConfig.required(get, name).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigurationError(name + " must be one of " + allowed.stream().sorted().toList() + ", got '" + value + "'");
        }
        return value;
    }

    private static URI uri(Function<String, String> get, String name) {
        String raw = LiteDeskConfig.blankToNull(get.apply(name));
        if (raw == null) {
            return null;
        }
        try {
            URI uri = URI.create(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(name + " must be an http(s) URL, got '" + raw + "'");
        }
    }

    private static Duration retention(Function<String, String> get) {
        String raw = LiteDeskConfig.required(get, "LITEDESK_BACKUP_RETENTION");
        try {
            Duration d = Duration.parse(raw.toUpperCase(Locale.ROOT));
            if (d.compareTo(Duration.ofDays(1)) < 0) {
                throw new DateTimeParseException("too short", raw, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ConfigurationError("LITEDESK_BACKUP_RETENTION must be an ISO-8601 duration of at least a day such as P30D, got '" + raw + "'");
        }
    }
}
