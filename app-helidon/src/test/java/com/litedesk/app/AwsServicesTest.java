package com.litedesk.app;

import com.litedesk.adapters.aws.Route53StandIn;
import com.litedesk.adapters.aws.S3StandIn;
import com.litedesk.adapters.aws.SesStandIn;
import com.litedesk.adapters.aws.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control plane configured for AWS — LITEDESK_DNS=route53, LITEDESK_BACKUPS=s3, LITEDESK_MAIL=ses — against
 * local stand-ins through their endpoint settings: the Route 53 stand-in, S3Proxy and the SES stand-in.
 */
class AwsServicesTest {

    private static final String TARGET = "k8s-ingress-1234.elb.eu-west-1.amazonaws.com";

    @TempDir
    Path dir;
    private Route53StandIn route53;
    private S3StandIn s3;
    private SesStandIn ses;
    private PlatformServer server;
    private String admin;

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        TestCredentials.install();
    }

    @BeforeEach
    void start() throws Exception {
        route53 = new Route53StandIn("Z0EXAMPLE");
        s3 = new S3StandIn("litedesk-backups");
        ses = new SesStandIn();
        Map<String, String> env = new HashMap<>(Map.of(
                "LITEDESK_DNS", "route53", "LITEDESK_ROUTE53_ZONE_ID", "Z0EXAMPLE", "LITEDESK_DNS_TARGET", TARGET,
                "LITEDESK_ROUTE53_ENDPOINT", route53.endpoint().toString(),
                "LITEDESK_BACKUPS", "s3", "LITEDESK_S3_BUCKET", "litedesk-backups", "LITEDESK_S3_PREFIX", "backups/",
                "LITEDESK_S3_ENDPOINT", s3.endpoint().toString(),
                "LITEDESK_MAIL", "ses", "LITEDESK_MAIL_FROM", "LiteDesk <no-reply@crm.example.com>"));
        env.putAll(Map.of("LITEDESK_SES_ENDPOINT", ses.endpoint().toString(), "LITEDESK_AWS_REGION", "eu-west-1",
                "LITEDESK_PROVISIONING_ATTEMPTS", "2", "LITEDESK_PROVISIONING_FIRST_RETRY", "PT0.1S"));
        server = PlatformServer.start(dir, env);
        admin = server.adminToken();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        ses.close();
        s3.close();
        route53.close();
    }

    @Test
    void anInstanceIsPublishedInRoute53InvitedThroughSesBackedUpToS3AndUnpublishedWhenDeleted() {
        String id = server.provision(admin, "acme", "olivia@acme.test");

        assertThat(route53.records().values()).containsExactly(
                new Route53StandIn.Rrset("acme.localhost.", "CNAME", 60, List.of(TARGET + "."), null, null));
        assertThat(ses.requests()).filteredOn(mail -> mail.body().contains("set-password")).singleElement().satisfies(mail -> {
            assertThat(mail.body()).contains("\"ToAddresses\":[\"olivia@acme.test\"]").contains("no-reply@crm.example.com")
                    .contains("/set-password?token=");
            assertThat(mail.authorization()).contains("/eu-west-1/ses/aws4_request");
        });
        assertThat(ses.requests()).filteredOn(mail -> mail.body().contains("We received your LiteDesk demo request")).hasSize(1);
        var outbox = server.admin("GET", "/api/admin/outbox", admin, null); // no development outbox once SES delivers
        assertThat(outbox.status()).isEqualTo(404);
        assertThat(outbox.json().get("detail").asText()).contains("no development outbox").contains("ses");
        assertThat(server.app.storage().repositories().accounts().outbox().list(com.litedesk.ports.store.Query.all(50)).items())
                .hasSize(2).allSatisfy(kept -> assertThat(kept.text()).doesNotContain("token="));
        for (String path : List.of("/api/admin/instances", "/api/admin/instances/" + id, "/api/admin/instances/" + id + "/provisioning",
                "/api/admin/audit?limit=200", "/api/admin/demo-requests", "/api/admin/subscriptions")) {
            assertThat(server.admin("GET", path, admin, null).raw().body()).as(path).doesNotContain("token=");
        }
        // the one place the Owner's link is: the mail SES delivered
        var link = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(ses.requests().stream()
                .filter(mail -> mail.body().contains("set-password")).findFirst().orElseThrow().body());
        assertThat(link.find()).isTrue();
        assertThat(server.send("acme.localhost", "POST", "/api/auth/set-password", null,
                Map.of("token", link.group(1), "password", PlatformServer.PASSWORD), Map.of()).status()).isEqualTo(200);

        var backup = server.admin("POST", "/api/admin/instances/" + id + "/backups", admin, null);
        assertThat(backup.status()).isEqualTo(201);
        String key = backup.json().get("storeKey").asText();
        assertThat(key).startsWith(id + "/").endsWith(".jsonl.gz");
        assertThat(s3.blobs().blobExists("litedesk-backups", "backups/" + key)).isTrue();

        var restored = server.admin("POST", "/api/admin/instances/" + id + "/backups/" + backup.json().get("id").asText() + "/restore",
                admin, Map.of("subdomain", "acme-copy"));
        assertThat(restored.status()).isEqualTo(202);
        server.awaitState(admin, restored.json().get("instanceId").asText(), Set.of("READY"));
        assertThat(route53.records()).hasSize(2);

        assertThat(server.admin("DELETE", "/api/admin/instances/" + id, admin, null).status()).isEqualTo(202);
        server.awaitState(admin, id, Set.of("DELETED"));
        assertThat(route53.records().values()).extracting(Route53StandIn.Rrset::name).containsExactly("acme-copy.localhost.");
        assertThat(route53.changes()).extracting(Route53StandIn.ChangeCall::action).containsExactly("UPSERT", "UPSERT", "DELETE");
    }

    @Test
    void aRefusedRoute53ChangeLeavesTheInstanceFailedWithARetryNeverHalfRegistered() {
        route53.refuseNextChanges(2);
        String request = server.submit(admin, "globex", "hank@globex.test");
        String id = server.admin("POST", "/api/admin/demo-requests/" + request + "/convert", admin, null)
                .json().get("instanceId").asText();

        var failed = server.awaitState(admin, id, Set.of("FAILED", "READY"));

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.toString()).contains("DNS failed after 2 attempts").contains("Route 53 refused to register globex.localhost");
        var steps = server.admin("GET", "/api/admin/instances/" + id + "/provisioning", admin, null).json();
        assertThat(steps.toString()).contains("\"name\":\"DNS\"");
        assertThat(route53.records()).isEmpty();
        assertThat(ses.requests()).filteredOn(mail -> mail.body().contains("set-password")).isEmpty(); // nobody is invited to a host that does not resolve
        assertThat(server.send("globex.localhost", "GET", "/health", null, null, Map.of()).status()).isEqualTo(503);

        assertThat(server.admin("POST", "/api/admin/instances/" + id + "/retry", admin, null).status()).isEqualTo(202);
        server.awaitState(admin, id, Set.of("READY"));

        assertThat(route53.records().values()).extracting(Route53StandIn.Rrset::name).containsExactly("globex.localhost.");
        assertThat(ses.requests()).filteredOn(mail -> mail.body().contains("set-password")).hasSize(1);
    }
}
