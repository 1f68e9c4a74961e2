package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.adapters.docker.DockerEngine;
import com.litedesk.adapters.docker.RealDockerEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker mode with a database container per instance (LITEDESK_DOCKER_DB_IMAGE): nothing can be pulled here, so the
 * database image is a test-only one built from the fake MongoDB server of the tests; it speaks MongoDB's wire protocol
 * as {@code mongo:7} would. An instance runs as app and database containers, is backed up and restored into a new
 * instance through the database's published port, and leaves nothing behind.
 */
class DockerDatabaseContainerIT {

    @TempDir
    static Path data;
    @TempDir
    static Path context;
    static PlatformServer server;

    @BeforeAll
    static void start() throws Exception {
        RealDockerEngine.connectOrSkip(Duration.ofSeconds(10)).close();
        String image = last(run(List.of("../docker/build-images"), null));
        String databaseImage = buildTestDatabaseImage();
        server = PlatformServer.start(data, Map.of("LITEDESK_RUNTIME", "docker", "LITEDESK_DOCKER_IMAGE", image,
                "LITEDESK_DOCKER_DB_IMAGE", databaseImage));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The test server's classes and jars on the local base image, run like mongod ({@code --dbpath /data}). */
    private static String buildTestDatabaseImage() throws Exception {
        Path lib = Files.createDirectories(context.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isRegularFile(path) && (name.startsWith("mongo-java-server") || name.startsWith("h2-") || name.startsWith("netty-")
                    || name.startsWith("slf4j-api") || (name.startsWith("adapters-mongo") && name.endsWith("-tests.jar")))) {
                Files.copy(path, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(lib.toFile().list()).as("the test server's jars").anyMatch(n -> n.startsWith("adapters-mongo"));
        Files.writeString(context.resolve("Dockerfile"), """
                ARG BASE_IMAGE
                FROM ${BASE_IMAGE}
                COPY lib/ /db/
                RUN mkdir -p /data && chown 65534:65534 /data
                USER 65534:65534
                VOLUME ["/data"]
                ENTRYPOINT ["java", "-Xmx192m", "-cp", "/db/*", "com.litedesk.adapters.mongo.EmbeddedMongoServerMain"]
                """);
        String base = last(run(List.of("../scripts/docker-base-image"), null));
        run(List.of("docker", "build", "-q", "-t", "litedesk/test-database:local", "--build-arg", "BASE_IMAGE=" + base, "."), context);
        return "litedesk/test-database:local";
    }

    @Test
    void anInstanceWithADatabaseContainerIsUsedBackedUpRestoredAndRemoved() throws Exception {
        String admin = server.adminToken();
        String id = server.provision(admin, "dbacme", "dana@dbacme.test");
        try (var engine = DockerEngine.fromEnvironment(Duration.ofSeconds(30))) {
            assertThat(engine.managedContainers(id)).hasSize(2);
            String token = server.mailedToken(admin, "dana@dbacme.test");
            assertThat(server.send("dbacme.localhost", "POST", "/api/auth/set-password", null,
                    Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of()).status()).isEqualTo(200);
            String owner = server.login("dbacme.localhost", "/api", "dana@dbacme.test", PlatformServer.PASSWORD);
            assertThat(server.send("dbacme.localhost", "POST", "/api/contacts", owner,
                    Map.of("firstName", "Grace", "lastName", "Hopper", "emails", List.of("grace@example.com")), Map.of()).status()).isEqualTo(201);
            assertThat(server.send("dbacme.localhost", "GET", "/api/contacts?q=hopp", owner, null, Map.of()).json().get("items"))
                    .as("searched in the database container").hasSize(1);

            var backup = server.admin("POST", "/api/admin/instances/" + id + "/backups", admin, null);
            assertThat(backup.status()).as(backup.raw().body()).isEqualTo(201);
            var copy = server.admin("POST", "/api/admin/instances/" + id + "/backups/" + backup.json().get("id").asText() + "/restore", admin,
                    Map.of("subdomain", "dbcopy"));
            assertThat(copy.status()).isEqualTo(202);
            String copyId = copy.json().get("instanceId").asText();
            server.awaitState(admin, copyId, Set.of("READY"));
            String copyOwner = server.login("dbcopy.localhost", "/api", "dana@dbacme.test", PlatformServer.PASSWORD);
            assertThat(server.send("dbcopy.localhost", "GET", "/api/contacts", copyOwner, null, Map.of()).json().get("items"))
                    .extracting(c -> c.get("lastName").asText()).containsExactly("Hopper");

            for (String instance : List.of(id, copyId)) {
                assertThat(server.admin("DELETE", "/api/admin/instances/" + instance, admin, null).status()).isEqualTo(202);
                server.awaitState(admin, instance, Set.of("DELETED"));
                assertThat(engine.managedContainers(instance)).isEmpty();
                assertThat(engine.managedVolumes(instance)).isEmpty();
                assertThat(engine.managedNetworks(instance)).isEmpty();
            }
        }
    }

    private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            b.directory(dir.toFile());
            b.environment().put("DOCKER_BUILDKIT", "0");
        }
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out.strip();
    }

    private static String last(String out) {
        return out.substring(out.lastIndexOf('\n') + 1);
    }
}
