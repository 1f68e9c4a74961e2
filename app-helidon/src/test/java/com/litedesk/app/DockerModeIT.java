package com.litedesk.app;

import com.litedesk.adapters.docker.DockerEngine;
import com.litedesk.adapters.docker.RealDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Docker mode on a real engine: the LiteDesk image is built from the packaged jar, the control plane provisions
 * an instance as one container with its SQLite file on its volume, the instance is used through the front door,
 * backed up and restored (in place and into a new instance) by helper containers, suspended, resumed with its data,
 * and deleted — after which no container, volume or network with its label remains.
 */
class DockerModeIT {

    @TempDir
    static Path data;
    static PlatformServer server;
    static String image;

    @BeforeAll
    static void start() throws Exception {
        RealDockerEngine.connectOrSkip(Duration.ofSeconds(10)).close();
        image = run(List.of("../docker/build-images")).strip();
        server = PlatformServer.start(data, Map.of("LITEDESK_RUNTIME", "docker", "LITEDESK_DOCKER_IMAGE", image));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anInstanceRunsAsContainersAndLeavesNothingBehindWhenDeleted() throws Exception {
        String admin = server.adminToken();
        String id = server.provision(admin, "dockacme", "dora@dockacme.test");
        try (var engine = DockerEngine.fromEnvironment(Duration.ofSeconds(30))) {
            assertThat(engine.managedContainers(id)).hasSize(1);
            assertThat(engine.managedVolumes(id)).hasSize(1);
            assertThat(engine.managedNetworks(id)).hasSize(1);

            String token = server.mailedToken(admin, "dora@dockacme.test");
            assertThat(server.send("dockacme.localhost", "POST", "/api/auth/set-password", null,
                    Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of()).status()).isEqualTo(200);
            String owner = server.login("dockacme.localhost", "/api", "dora@dockacme.test", PlatformServer.PASSWORD);
            var ada = server.send("dockacme.localhost", "POST", "/api/contacts", owner,
                    Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@example.com")), Map.of());
            assertThat(ada.status()).isEqualTo(201);

            var backup = server.admin("POST", "/api/admin/instances/" + id + "/backups", admin, null);
            assertThat(backup.status()).as(backup.raw().body()).isEqualTo(201);
            assertThat(backup.json().get("documents").asLong()).isGreaterThan(5);
            assertThat(engine.managedContainers(id)).as("the backup helper is gone").hasSize(1);
            assertThat(server.send("dockacme.localhost", "DELETE", "/api/contacts/" + ada.json().get("id").asText(), owner, null,
                    Map.of()).status()).isEqualTo(204);
            String backupId = backup.json().get("id").asText();
            assertThat(server.admin("POST", "/api/admin/instances/" + id + "/backups/" + backupId + "/restore", admin, Map.of()).status())
                    .isEqualTo(202);
            assertThat(server.send("dockacme.localhost", "GET", "/api/contacts", owner, null, Map.of()).json().get("items"))
                    .as("restored in place").extracting(c -> c.get("lastName").asText()).containsExactly("Lovelace");
            var copy = server.admin("POST", "/api/admin/instances/" + id + "/backups/" + backupId + "/restore", admin,
                    Map.of("subdomain", "dockcopy"));
            assertThat(copy.status()).isEqualTo(202);
            String copyId = copy.json().get("instanceId").asText();
            server.awaitState(admin, copyId, Set.of("READY"));
            String copyOwner = server.login("dockcopy.localhost", "/api", "dora@dockacme.test", PlatformServer.PASSWORD);
            assertThat(server.send("dockcopy.localhost", "GET", "/api/contacts", copyOwner, null, Map.of()).json().get("items"))
                    .as("restored into a new instance").extracting(c -> c.get("lastName").asText()).containsExactly("Lovelace");
            assertThat(server.admin("DELETE", "/api/admin/instances/" + copyId, admin, null).status()).isEqualTo(202);

            assertThat(server.admin("POST", "/api/admin/instances/" + id + "/suspend", admin, null).status()).isEqualTo(200);
            assertThat(server.send("dockacme.localhost", "GET", "/api/contacts", owner, null, Map.of()).status()).isEqualTo(503);
            assertThat(server.admin("POST", "/api/admin/instances/" + id + "/resume", admin, null).status()).isEqualTo(200);
            awaitServing(owner);
            assertThat(server.send("dockacme.localhost", "GET", "/api/contacts", owner, null, Map.of()).json().get("items"))
                    .extracting(c -> c.get("lastName").asText()).containsExactly("Lovelace");

            assertThat(server.admin("DELETE", "/api/admin/instances/" + id, admin, null).status()).isEqualTo(202);
            server.awaitState(admin, id, Set.of("DELETED"));
            assertThat(engine.managedContainers(id)).isEmpty();
            assertThat(engine.managedVolumes(id)).isEmpty();
            assertThat(engine.managedNetworks(id)).isEmpty();
        }
    }

    @Test
    void containersOfUnknownInstancesAreRemovedAndAStoppedContainerDegradesItsInstance() throws Exception {
        String admin = server.adminToken();
        String id = server.provision(admin, "dockglobex", "gina@dockglobex.test");
        try (var engine = DockerEngine.fromEnvironment(Duration.ofSeconds(30))) {
            var settings = new com.litedesk.adapters.docker.DockerSettings(image, null, 256, 0.5);
            var stray = new com.litedesk.adapters.docker.DockerDatabaseProvisioner(engine, settings);
            new com.litedesk.adapters.docker.DockerInstanceRuntime(engine, settings).deploy(new com.litedesk.ports.platform.WorkloadSpec(
                    "stray0", "stray0", "Stray", "stray0.localhost", "http://stray0.localhost:8080", stray.create("stray0"),
                    "c2lnbmluZy1rZXktb2YtdGhpcnR5LXR3by1ieXRlcyEh", "m".repeat(40), "trial", com.litedesk.ports.instance.PlanLimits.UNLIMITED));
            assertThat(engine.managedContainers("stray0")).hasSize(1);

            var reconciliation = server.app.platform().start();

            assertThat(reconciliation.removedOrphans()).contains("stray0");
            assertThat(reconciliation.adopted()).contains(id);
            assertThat(engine.managedContainers("stray0")).isEmpty();
            assertThat(engine.managedVolumes("stray0")).isEmpty();
            assertThat(engine.managedNetworks("stray0")).isEmpty();

            run(List.of("docker", "stop", "litedesk-" + id + "-app")); // exits; the restart policy leaves a stopped container alone
            for (int i = 0; i < 3; i++) {
                server.app.platform().monitor().checkHealth();
            }
            var instance = server.admin("GET", "/api/admin/instances/" + id, admin, null).json();
            assertThat(instance.get("state").asText()).isEqualTo("DEGRADED");
            assertThat(instance.get("health").get("detail").asText()).contains("exited");
        }
    }

    private static void awaitServing(String owner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (server.send("dockacme.localhost", "GET", "/health/status", owner, null, Map.of()).status() != 200) {
            assertThat(System.nanoTime()).as("the resumed instance answers").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
