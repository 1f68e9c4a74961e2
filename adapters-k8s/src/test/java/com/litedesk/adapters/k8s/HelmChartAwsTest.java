package com.litedesk.adapters.k8s;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart's AWS values become the control plane's LITEDESK_DNS / LITEDESK_BACKUPS / LITEDESK_MAIL settings. */
class HelmChartAwsTest {

    private static final Path CHART = Path.of("..", "helm", "litedesk");

    private static com.marcnuri.helm.TemplateCommand template() {
        return new Helm(CHART).template().withName("ld").withNamespace("litedesk-system")
                .set("mongoUri", "mongodb+srv://litedesk:secret@cluster0.example.net").set("admin.password", "a-long-password")
                .set("secrets.masterKey", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }

    private static List<HasMetadata> parse(String yaml) {
        return Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> T one(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
    }

    @Test
    void byDefaultDnsIsTheWildcardRecordBackupsAFileAndMailTheOutbox() {
        var config = one(parse(template().call()), ConfigMap.class).getData();

        assertThat(config).containsEntry("LITEDESK_DNS", "local").containsEntry("LITEDESK_BACKUPS", "file")
                .containsEntry("LITEDESK_MAIL", "outbox").containsEntry("LITEDESK_DB_USERS", "per-instance")
                .doesNotContainKeys("LITEDESK_ROUTE53_ZONE_ID", "LITEDESK_S3_BUCKET", "LITEDESK_MAIL_FROM");
    }

    @Test
    void onAwsRoute53S3AndSesAreConfiguredAndTheServiceAccountCarriesTheIamRole() {
        var objects = parse(template().set("dns.provider", "route53").set("dns.route53ZoneId", "Z0123456789ABC")
                .set("dns.target", "k8s-ingress-1234.elb.eu-west-1.amazonaws.com").set("dns.aliasZoneId", "Z32O12XQLNTSW2")
                .set("backups.store", "s3").set("backups.s3Bucket", "acme-litedesk-backups").set("backups.kmsKeyId", "alias/litedesk")
                .set("mail.provider", "ses").set("mail.from", "crm@acme.example")
                .set("aws.roleArn", "arn:aws:iam::111122223333:role/litedesk-control-plane").call());

        assertThat(one(objects, ConfigMap.class).getData())
                .containsEntry("LITEDESK_DNS", "route53").containsEntry("LITEDESK_ROUTE53_ZONE_ID", "Z0123456789ABC")
                .containsEntry("LITEDESK_DNS_TARGET", "k8s-ingress-1234.elb.eu-west-1.amazonaws.com")
                .containsEntry("LITEDESK_ROUTE53_ALIAS_ZONE_ID", "Z32O12XQLNTSW2")
                .containsEntry("LITEDESK_BACKUPS", "s3").containsEntry("LITEDESK_S3_BUCKET", "acme-litedesk-backups")
                .containsEntry("LITEDESK_S3_PREFIX", "backups/").containsEntry("LITEDESK_S3_KMS_KEY_ID", "alias/litedesk")
                .containsEntry("LITEDESK_MAIL", "ses").containsEntry("LITEDESK_MAIL_FROM", "crm@acme.example")
                .containsEntry("AWS_REGION", "eu-west-1");
        assertThat(one(objects, ServiceAccount.class).getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/litedesk-control-plane");
    }

    @Test
    void instanceDatabasesCanBeStatefulSetsLettingInTheReleaseNamespace() {
        var config = one(parse(template().set("instanceDatabase.mode", "statefulset").set("instanceDatabase.storageClass", "gp3").call()),
                ConfigMap.class).getData();

        assertThat(config).containsEntry("LITEDESK_K8S_DATABASE", "statefulset").containsEntry("LITEDESK_K8S_DB_STORAGE", "5Gi")
                .containsEntry("LITEDESK_K8S_DB_STORAGE_CLASS", "gp3").containsEntry("LITEDESK_K8S_CONTROL_PLANE_NAMESPACE", "litedesk-system");
        assertThatThrownBy(() -> template().set("instanceDatabase.storage", "lots").call()).hasMessageContaining("/instanceDatabase/storage");
    }

    @Test
    void anAwsChoiceWithoutItsSettingsOrWithAWrongValueIsRefused() {
        assertThatThrownBy(() -> template().set("dns.provider", "route53").call()).hasMessageContaining("dns.route53ZoneId is required");
        assertThatThrownBy(() -> template().set("backups.store", "s3").call()).hasMessageContaining("backups.s3Bucket is required");
        assertThatThrownBy(() -> template().set("mail.provider", "ses").call()).hasMessageContaining("mail.from is required");
        assertThatThrownBy(() -> template().set("dns.provider", "cloudflare").call()).hasMessageContaining("/dns/provider");
        assertThatThrownBy(() -> template().set("aws.roleArn", "litedesk-role").call()).hasMessageContaining("/aws/roleArn");
    }
}
