package com.litedesk.adapters.docker;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerEngineTest {

    private static DockerEngine engine;

    @BeforeAll
    static void connect() {
        engine = RealDockerEngine.connectOrSkip(Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aRunningEngineAnswersWithItsVersion() {
        assertThat(engine.serverVersion()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void managedContainersAreFoundByTheirInstanceLabel() {
        var image = emptyImage();
        var client = engine.client();
        CreateContainerResponse created = client.createContainerCmd(image)
                .withLabels(DockerEngine.labelsOf("test-labels"))
                .withCmd("true")
                .exec();
        try {
            assertThat(engine.managedContainers("test-labels")).containsExactly(created.getId());
            assertThat(engine.managedContainers(null)).contains(created.getId());
            assertThat(engine.managedContainers("another-instance")).doesNotContain(created.getId());
        } finally {
            client.removeContainerCmd(created.getId()).withForce(true).exec();
        }
        assertThat(engine.managedContainers("test-labels")).isEmpty();
    }

    @Test
    void anUnreachableEngineFailsFastAndClearly() {
        try (var nowhere = DockerEngine.connect("tcp://127.0.0.1:1", Duration.ofSeconds(2))) {
            long started = System.nanoTime();
            assertThatThrownBy(nowhere::ping)
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("tcp://127.0.0.1:1");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void labelsNameTheManagerAndTheInstance() {
        assertThat(DockerEngine.labelsOf("acme"))
                .isEqualTo(Map.of("litedesk.managed-by", "litedesk-control-plane", "litedesk.instance", "acme"));
    }

    /** An image holding one small file, built from scratch: enough to create (not run) a container. */
    private static String emptyImage() {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            var content = "FROM scratch\nCOPY placeholder /placeholder\nLABEL litedesk.test=true\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var dockerfile = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("Dockerfile");
            dockerfile.setSize(content.length);
            tar.putArchiveEntry(dockerfile);
            tar.write(content);
            tar.closeArchiveEntry();
            var placeholder = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("placeholder");
            placeholder.setSize(1);
            tar.putArchiveEntry(placeholder);
            tar.write('x');
            tar.closeArchiveEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        engine.client().buildImageCmd(new java.io.ByteArrayInputStream(bytes.toByteArray()))
                .withTags(java.util.Set.of("litedesk/test-empty:local"))
                .start().awaitImageId(60, java.util.concurrent.TimeUnit.SECONDS);
        return "litedesk/test-empty:local";
    }
}
