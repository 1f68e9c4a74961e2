package com.litedesk.app;

import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.platform.ControlPlaneStorage;
import com.litedesk.app.platform.Runtimes;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.WorkloadSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** LITEDESK_RUNTIME=kubernetes as the control plane assembles it: what instances are given, against the mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesWiringTest {

    KubernetesClient client;

    @TempDir
    Path dir;

    private List<String> instanceEnvironment(Map<String, String> extra) {
        System.setProperty("kubernetes.master", client.getMasterUrl().toString());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        try (var mongo = EmbeddedMongoServer.start(dir.resolve("mongo-" + extra.size() + ".mv"))) {
            Map<String, String> env = new HashMap<>(Map.of("LITEDESK_RUNTIME", "kubernetes", "MONGO_URI", mongo.connectionString(),
                    "LITEDESK_DB_USERS", "shared", "LITEDESK_K8S_IMAGE", "registry.example.com/litedesk/litedesk:0.1.0",
                    "LITEDESK_DATA_DIR", dir.toString()));
            env.putAll(extra);
            var config = LiteDeskConfig.from(env::get);
            var platform = PlatformConfig.from(env::get, config);
            try (var storage = ControlPlaneStorage.open(config, new com.litedesk.adapters.sqlite.SqliteFiles(com.litedesk.adapters.sqlite.SqliteSettings.defaults()), platform.instanceDatabaseUsers());
                 var runtimes = Runtimes.choose(config, platform, storage, c -> null)) {
                String id = "w" + extra.size();
                runtimes.runtime().deploy(new WorkloadSpec(id, id, id, id + ".localhost", "http://" + id + ".localhost",
                        runtimes.databases().create(id), "c2lnbmluZw==", "m".repeat(40), "trial", PlanLimits.UNLIMITED));
                return client.apps().deployments().inNamespace("litedesk-" + id).withName("litedesk").get().getSpec().getTemplate()
                        .getSpec().getContainers().getFirst().getEnv().stream().map(EnvVar::getName).toList();
            }
        } finally {
            System.clearProperty("kubernetes.master");
            System.clearProperty("kubernetes.auth.tryKubeConfig");
            System.clearProperty("kubernetes.auth.tryServiceAccount");
        }
    }

    @Test
    void instancesSendThroughSesOnlyWithARoleToSendAs() {
        var ses = Map.of("LITEDESK_MAIL", "ses", "LITEDESK_MAIL_FROM", "crm@acme.example", "LITEDESK_AWS_REGION", "eu-west-1");
        var withRole = new HashMap<>(ses);
        withRole.put("LITEDESK_K8S_INSTANCE_ROLE_ARN", "arn:aws:iam::111122223333:role/litedesk-instances");

        assertThat(instanceEnvironment(ses)).doesNotContain("LITEDESK_MAIL");
        assertThat(instanceEnvironment(withRole)).contains("LITEDESK_MAIL", "LITEDESK_MAIL_FROM", "LITEDESK_AWS_REGION");
        assertThat(client.serviceAccounts().inNamespace("litedesk-w4").withName("litedesk").get().getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/litedesk-instances");
    }

    @Test
    void instancesSendThroughTheControlPlanesSmtpServerWithThePasswordOnlyInTheirSecret() {
        var smtp = Map.of("LITEDESK_MAIL", "smtp", "LITEDESK_MAIL_FROM", "crm@acme.example", "LITEDESK_SMTP_HOST", "smtp.acme.example",
                "LITEDESK_SMTP_SECURITY", "starttls", "LITEDESK_SMTP_USERNAME", "crm", "LITEDESK_SMTP_PASSWORD", "s3cret-smtp-pass");
        assertThat(instanceEnvironment(smtp)).contains("LITEDESK_MAIL", "LITEDESK_SMTP_HOST", "LITEDESK_SMTP_PORT", "LITEDESK_SMTP_SECURITY",
                "LITEDESK_SMTP_USERNAME", "LITEDESK_SMTP_FROM").doesNotContain("LITEDESK_SMTP_PASSWORD");
        String ns = "litedesk-w" + smtp.size();
        var container = client.apps().deployments().inNamespace(ns).withName("litedesk").get().getSpec().getTemplate().getSpec()
                .getContainers().getFirst();
        assertThat(container.getEnv()).noneMatch(e -> "s3cret-smtp-pass".equals(e.getValue()));
        assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("LITEDESK_SMTP_PORT") && e.getValue().equals("587"));
        var secret = client.secrets().inNamespace(ns).withName("litedesk-secrets").get();
        String kept = secret.getStringData() != null && secret.getStringData().containsKey("LITEDESK_SMTP_PASSWORD")
                ? secret.getStringData().get("LITEDESK_SMTP_PASSWORD")
                : new String(java.util.Base64.getDecoder().decode(secret.getData().get("LITEDESK_SMTP_PASSWORD")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(kept).isEqualTo("s3cret-smtp-pass");
        var egress = client.network().networkPolicies().inNamespace(ns).withName("allow-dns-and-database").get().getSpec().getEgress();
        assertThat(egress).anyMatch(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() != null && p.getPort().getIntVal() == 587));
    }
}
