package com.litedesk.app;

import com.litedesk.adapters.docker.DockerDatabaseProvisioner;
import com.litedesk.adapters.docker.DockerEngine;
import com.litedesk.adapters.docker.RealDockerEngine;
import com.litedesk.adapters.docker.DockerInstanceRuntime;
import com.litedesk.adapters.docker.DockerSettings;
import com.litedesk.ports.contract.InstanceRuntimeContract;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.WorkloadSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The runtime contract on a real Docker engine, with the image built from the packaged jar. */
class DockerRuntimeContractIT extends InstanceRuntimeContract {

    static DockerEngine engine;
    static DockerInstanceRuntime runtime;
    static DockerDatabaseProvisioner databases;

    @BeforeAll
    static void start() throws Exception {
        engine = RealDockerEngine.connectOrSkip(Duration.ofSeconds(60));
        Process build = new ProcessBuilder("../docker/build-images").redirectErrorStream(true).start();
        String out = new String(build.getInputStream().readAllBytes()).strip();
        assertThat(build.waitFor()).as(out).isZero();
        String image = out.substring(out.lastIndexOf('\n') + 1);
        // what the control plane hands every instance (its SMTP settings, say) reaches the app container's environment
        var settings = new DockerSettings(image, null, 384, 1.0, java.util.Map.of("LITEDESK_LOG_FORMAT", "json"));
        runtime = new DockerInstanceRuntime(engine, settings);
        databases = new DockerDatabaseProvisioner(engine, settings);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            for (String id : List.of("contract-a", "contract-b", "contract-c")) {
                databases.drop(id);
            }
            engine.close();
        }
    }

    @Override
    protected InstanceRuntime runtime() {
        return runtime;
    }

    @Override
    protected WorkloadSpec spec(String id) {
        return new WorkloadSpec(id, id, id, id + ".localhost", "http://" + id + ".localhost:8080", databases.create(id),
                "c2lnbmluZy1rZXktb2YtYXQtbGVhc3QtMzItYnl0ZXMtbG9uZw==", "m".repeat(40), "trial", PlanLimits.UNLIMITED);
    }

    @org.junit.jupiter.api.Test
    void theInstanceEnvironmentTheControlPlaneGivesReachesTheAppContainer() throws Exception {
        String id = "contract-c";
        runtime.deploy(spec(id));
        Process inspect = new ProcessBuilder("docker", "inspect", "--format", "{{json .Config.Env}}", "litedesk-" + id + "-app")
                .redirectErrorStream(true).start();
        String env = new String(inspect.getInputStream().readAllBytes());
        assertThat(inspect.waitFor()).as(env).isZero();
        assertThat(env).contains("LITEDESK_LOG_FORMAT=json").contains("LITEDESK_INSTANCE_ID=" + id);
        runtime.remove(id);
    }
}
