package com.litedesk.app;

import com.litedesk.adapters.docker.DockerEngine;
import com.litedesk.adapters.docker.RealDockerEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Docker mode: a control plane killed (SIGKILL) right after it created an instance's containers, before that
 * was recorded, adopts them when it starts again — each container, the volume and the network exist once.
 */
class DockerCrashIT {

    @TempDir
    Path data;
    static String image;

    @BeforeAll
    static void engine() throws Exception {
        RealDockerEngine.connectOrSkip(Duration.ofSeconds(10)).close();
        Process build = new ProcessBuilder("../docker/build-images").redirectErrorStream(true).start();
        String out = new String(build.getInputStream().readAllBytes()).strip();
        assertThat(build.waitFor()).as(out).isZero();
        image = out.substring(out.lastIndexOf('\n') + 1);
    }

    @Test
    void aControlPlaneKilledAfterCreatingContainersAdoptsThemOnRestart() throws Exception {
        Map<String, String> docker = Map.of("LITEDESK_RUNTIME", "docker", "LITEDESK_DOCKER_IMAGE", image);
        var crashing = new java.util.HashMap<>(docker);
        crashing.put("LITEDESK_CRASH_AFTER_STEP", "WORKLOAD");
        String id;
        try (var first = ControlPlaneProcess.start(data, crashing)) {
            var crashed = first.await("CRASH POINT WORKLOAD");
            id = first.convert(first.login(), "crashco", "cora@crashco.test");
            crashed.get(120, TimeUnit.SECONDS);
            first.kill();
        }
        try (var second = ControlPlaneProcess.start(data, docker); var engine = DockerEngine.fromEnvironment(Duration.ofSeconds(30))) {
            String admin = second.login();
            second.awaitState(admin, id, "READY");
            assertThat(engine.managedContainers(id)).hasSize(1);
            assertThat(engine.managedVolumes(id)).hasSize(1);
            assertThat(engine.managedNetworks(id)).hasSize(1);
            assertThat(second.send("crashco.localhost", "GET", "/health/status", null, null).get("status").asText()).isEqualTo("UP");

            second.send("localhost", "DELETE", "/api/admin/instances/" + id, admin, null);
            second.awaitState(admin, id, "DELETED");
            assertThat(engine.managedContainers(id)).isEmpty();
        }
    }
}
