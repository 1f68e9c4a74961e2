package com.litedesk.adapters.docker;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.WorkloadSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults of the Docker runtime on a real engine: clear and fast failures, never a hang. */
class DockerInstanceRuntimeTest {

    private static DockerEngine engine;

    @BeforeAll
    static void connect() {
        engine = RealDockerEngine.connectOrSkip(Duration.ofSeconds(20));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            new DockerDatabaseProvisioner(engine, new DockerSettings("litedesk/missing:none", null, 256, 0.5)).drop("missing-image");
            engine.close();
        }
    }

    @Test
    void aMissingImageIsAClearUnavailableFailure() {
        var settings = new DockerSettings("litedesk/missing:none", null, 256, 0.5);
        var runtime = new DockerInstanceRuntime(engine, settings);
        var spec = new WorkloadSpec("missing-image", "missing", "Missing", "missing.localhost", "http://missing.localhost:8080",
                new InstanceDatabase("mongodb://127.0.0.1:27017", "litedesk_missing"), "a2V5", "m".repeat(40), "trial", PlanLimits.UNLIMITED);
        long started = System.nanoTime();
        assertThatThrownBy(() -> runtime.deploy(spec))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).containsIgnoringCase("litedesk/missing:none");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(engine.managedContainers("missing-image")).isEmpty();
    }

    @Test
    void anUnreachableEngineFailsAStepFast() {
        try (var nowhere = DockerEngine.connect("tcp://127.0.0.1:1", Duration.ofSeconds(2))) {
            var runtime = new DockerInstanceRuntime(nowhere, new DockerSettings("a", "b", 256, 0.5));
            assertThatThrownBy(() -> runtime.find("any"))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        }
    }
}
