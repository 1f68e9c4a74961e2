package com.litedesk.app;

import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LITEDESK_DNS, LITEDESK_BACKUPS and LITEDESK_MAIL: the defaults, the AWS choices, and one clear line for each mistake. */
class IntegrationsConfigTest {

    @Test
    void locallyEverythingStaysUnderTheDataDirectory() {
        var in = LiteDeskConfig.from(Map.<String, String>of()::get).integrations();

        assertThat(in.mail()).isEqualTo("outbox");
        assertThat(in.dns()).isEqualTo("local");
        assertThat(in.backups()).isEqualTo("file");
        assertThat(in.dnsTarget()).isEqualTo("127.0.0.1");
        assertThat(in.backupRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void onAwsEachServiceIsChosenWithItsSettings() {
        var in = LiteDeskConfig.from(Map.of("LITEDESK_DNS", "route53", "LITEDESK_ROUTE53_ZONE_ID", "Z0123456789ABC",
                "LITEDESK_DNS_TARGET", "lb.elb.amazonaws.com", "LITEDESK_BACKUPS", "S3", "LITEDESK_S3_BUCKET", "acme-litedesk-backups",
                "AWS_REGION", "eu-central-1", "LITEDESK_MAIL", "ses", "LITEDESK_MAIL_FROM", "crm@acme.example",
                "LITEDESK_S3_ENDPOINT", "https://bucket.vpce-1a2b3c4d.s3.eu-central-1.vpce.amazonaws.com",
                "LITEDESK_BACKUP_RETENTION", "P14D")::get).integrations();

        assertThat(in.dns()).isEqualTo("route53");
        assertThat(in.route53ZoneId()).isEqualTo("Z0123456789ABC");
        assertThat(in.backups()).isEqualTo("s3");
        assertThat(in.awsRegion()).isEqualTo("eu-central-1");
        assertThat(in.s3Endpoint()).isEqualTo(URI.create("https://bucket.vpce-1a2b3c4d.s3.eu-central-1.vpce.amazonaws.com"));
        assertThat(in.backupRetention()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void smtpTakesItsServerSecurityPortCredentialsAndSender() {
        var in = LiteDeskConfig.from(Map.of("LITEDESK_MAIL", "smtp", "LITEDESK_SMTP_HOST", "smtp.acme.example",
                "LITEDESK_SMTP_USERNAME", "crm", "LITEDESK_SMTP_PASSWORD", "s3cret", "LITEDESK_SMTP_FROM", "Acme CRM <crm@acme.example>")::get)
                .integrations();
        assertThat(in.mail()).isEqualTo("smtp");
        assertThat(in.smtp()).isEqualTo(new com.litedesk.adapters.smtp.SmtpSettings("smtp.acme.example", 587,
                com.litedesk.adapters.smtp.SmtpSettings.Security.STARTTLS, "crm", "s3cret", "Acme CRM <crm@acme.example>", Duration.ofSeconds(20)));
        var tls = LiteDeskConfig.from(Map.of("LITEDESK_MAIL", "SMTP", "LITEDESK_SMTP_HOST", "smtp.acme.example",
                "LITEDESK_SMTP_SECURITY", "TLS")::get).integrations().smtp();
        assertThat(tls.port()).isEqualTo(465);
        assertThat(tls.username()).isNull();
        assertThat(tls.from()).isEqualTo("LiteDesk <no-reply@localhost>"); // LITEDESK_MAIL_FROM's default
        var relay = LiteDeskConfig.from(Map.of("LITEDESK_MAIL", "smtp", "LITEDESK_SMTP_HOST", "10.0.0.25",
                "LITEDESK_SMTP_SECURITY", "none", "LITEDESK_SMTP_PORT", "2525")::get).integrations().smtp();
        assertThat(relay.port()).isEqualTo(2525);
        assertThat(LiteDeskConfig.from(Map.<String, String>of()::get).integrations().smtp()).isNull();
    }

    @Test
    void anInstanceGivenTheSmtpEnvironmentReadsTheSameServerAndTheEnvironmentHoldsNoPassword() {
        var plane = LiteDeskConfig.from(Map.of("LITEDESK_MAIL", "smtp", "LITEDESK_SMTP_HOST", "smtp.acme.example",
                "LITEDESK_SMTP_SECURITY", "tls", "LITEDESK_SMTP_PORT", "2465", "LITEDESK_SMTP_USERNAME", "crm",
                "LITEDESK_SMTP_PASSWORD", "s3cret", "LITEDESK_SMTP_FROM", "Acme CRM <crm@acme.example>")::get).integrations();
        var env = new java.util.HashMap<>(plane.smtpEnvironment());
        assertThat(env).doesNotContainKey("LITEDESK_SMTP_PASSWORD").doesNotContainValue("s3cret");
        env.put("LITEDESK_SMTP_PASSWORD", plane.smtpPassword()); // the Secret (Kubernetes) or the container's environment (Docker)
        assertThat(LiteDeskConfig.from(env::get).integrations().smtp()).isEqualTo(plane.smtp());
        assertThat(LiteDeskConfig.from(Map.<String, String>of()::get).integrations().smtpEnvironment()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LITEDESK_DNS=cloudflare | LITEDESK_DNS must be one of [local, route53], got 'cloudflare'",
        "LITEDESK_DNS=route53 | LITEDESK_DNS=route53 needs LITEDESK_ROUTE53_ZONE_ID, the hosted zone of the base domain (Z…)",
        "LITEDESK_DNS=route53,LITEDESK_ROUTE53_ZONE_ID=zone one | LITEDESK_DNS=route53 needs LITEDESK_ROUTE53_ZONE_ID, the hosted zone of the base domain (Z…), got 'zone one'",
        "LITEDESK_DNS=route53,LITEDESK_ROUTE53_ZONE_ID=Z1 | LITEDESK_DNS=route53 needs LITEDESK_DNS_TARGET, what instance hosts point at (the ingress load balancer's DNS name or an IPv4 address)",
        "LITEDESK_BACKUPS=s3 | LITEDESK_BACKUPS=s3 needs LITEDESK_S3_BUCKET, an S3 bucket name",
        "LITEDESK_BACKUPS=s3,LITEDESK_S3_BUCKET=Bad_Bucket | LITEDESK_BACKUPS=s3 needs LITEDESK_S3_BUCKET, an S3 bucket name, got 'Bad_Bucket'",
        "LITEDESK_BACKUPS=s3,LITEDESK_S3_BUCKET=backups | LITEDESK_BACKUPS=s3 needs an AWS region: set LITEDESK_AWS_REGION (or AWS_REGION)",
        "LITEDESK_BACKUPS=s3,LITEDESK_S3_BUCKET=backups,LITEDESK_AWS_REGION=Frankfurt | LITEDESK_AWS_REGION must be an AWS region such as eu-west-1, got 'Frankfurt'",
        "LITEDESK_BACKUPS=s3,LITEDESK_S3_BUCKET=backups,AWS_REGION=eu-west-1,LITEDESK_S3_ENDPOINT=s3 please | LITEDESK_S3_ENDPOINT must be an http(s) URL, got 's3 please'",
        "LITEDESK_BACKUPS=tape | LITEDESK_BACKUPS must be one of [file, s3], got 'tape'",
        "LITEDESK_BACKUP_RETENTION=PT1H | LITEDESK_BACKUP_RETENTION must be an ISO-8601 duration of at least a day such as P30D, got 'PT1H'",
        "LITEDESK_REMINDER_INTERVAL=soon | LITEDESK_REMINDER_INTERVAL must be an ISO-8601 duration from PT0.1S to P1D such as PT1M, got 'soon'",
        "LITEDESK_REMINDER_INTERVAL=P2D | LITEDESK_REMINDER_INTERVAL must be an ISO-8601 duration from PT0.1S to P1D such as PT1M, got 'P2D'",
        "LITEDESK_MAIL=pigeon | LITEDESK_MAIL must be one of [outbox, ses, smtp], got 'pigeon'",
        "LITEDESK_MAIL=smtp | LITEDESK_MAIL=smtp needs LITEDESK_SMTP_HOST, the mail server's host name",
        "LITEDESK_MAIL=smtp,LITEDESK_SMTP_HOST=mail server | LITEDESK_MAIL=smtp needs LITEDESK_SMTP_HOST, the mail server's host name, got 'mail server'",
        "LITEDESK_MAIL=smtp,LITEDESK_SMTP_HOST=smtp.acme.example,LITEDESK_SMTP_SECURITY=ssl | LITEDESK_SMTP_SECURITY must be one of [none, starttls, tls], got 'ssl'",
        "LITEDESK_MAIL=smtp,LITEDESK_SMTP_HOST=smtp.acme.example,LITEDESK_SMTP_PORT=70000 | LITEDESK_SMTP_PORT must be a whole number from 1 to 65535, got '70000'",
        "LITEDESK_MAIL=smtp,LITEDESK_SMTP_HOST=smtp.acme.example,LITEDESK_SMTP_USERNAME=crm | LITEDESK_SMTP_USERNAME needs LITEDESK_SMTP_PASSWORD",
        "LITEDESK_MAIL=smtp,LITEDESK_SMTP_HOST=smtp.acme.example,LITEDESK_SMTP_PASSWORD=x | LITEDESK_SMTP_PASSWORD is set without LITEDESK_SMTP_USERNAME",
        "LITEDESK_MAIL=smtp,LITEDESK_SMTP_HOST=smtp.acme.example,LITEDESK_SMTP_FROM=crm at acme | LITEDESK_SMTP_FROM (else LITEDESK_MAIL_FROM) must be a mail address such as 'Acme CRM <crm@acme.example>', got 'crm at acme'",
        "LITEDESK_MAIL=ses,LITEDESK_MAIL_FROM=nobody | LITEDESK_MAIL=ses needs LITEDESK_MAIL_FROM, an address verified in SES, got 'nobody'",
        "LITEDESK_MAIL=ses | LITEDESK_MAIL=ses needs an AWS region: set LITEDESK_AWS_REGION (or AWS_REGION)",
    })
    void aWrongOrMissingSettingStopsStartUpWithOneClearLine(String settings, String message) {
        Map<String, String> env = new HashMap<>();
        for (String pair : settings.split(",")) {
            env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }

        assertThatThrownBy(() -> LiteDeskConfig.from(env::get)).isInstanceOf(ConfigurationError.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void onKubernetesInstanceDatabasesAreSharedOrStatefulSetsWithTheirSettings() {
        var base = LiteDeskConfig.from(Map.<String, String>of()::get);
        assertThat(com.litedesk.app.config.PlatformConfig.from(Map.<String, String>of()::get, base).kubernetesDatabase()).isNull();

        var statefulSets = com.litedesk.app.config.PlatformConfig.from(Map.of("LITEDESK_K8S_DATABASE", "statefulset",
                "LITEDESK_K8S_DB_STORAGE", "20Gi", "POD_NAMESPACE", "litedesk-system")::get, base).kubernetesDatabase();
        assertThat(statefulSets.image()).isEqualTo("mongo:7");
        assertThat(statefulSets.storage()).isEqualTo("20Gi");
        assertThat(statefulSets.controlPlaneNamespace()).isEqualTo("litedesk-system");

        assertThatThrownBy(() -> com.litedesk.app.config.PlatformConfig.from(Map.of("LITEDESK_K8S_DATABASE", "statefulset")::get, base))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("LITEDESK_K8S_DATABASE=statefulset needs LITEDESK_K8S_CONTROL_PLANE_NAMESPACE");
        assertThatThrownBy(() -> com.litedesk.app.config.PlatformConfig.from(Map.of("LITEDESK_K8S_DATABASE", "operator")::get, base))
                .isInstanceOf(ConfigurationError.class).hasMessage("LITEDESK_K8S_DATABASE must be shared or statefulset, got 'operator'");
        assertThatThrownBy(() -> com.litedesk.app.config.PlatformConfig.from(Map.of("LITEDESK_K8S_DATABASE", "statefulset",
                "LITEDESK_K8S_DB_STORAGE", "big", "POD_NAMESPACE", "x")::get, base))
                .isInstanceOf(ConfigurationError.class).hasMessage("LITEDESK_K8S_DB_STORAGE must be a size such as 5Gi, got 'big'");
    }
}
