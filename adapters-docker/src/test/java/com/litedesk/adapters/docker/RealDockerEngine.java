package com.litedesk.adapters.docker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.litedesk.ports.LiteDeskException;
import java.time.Duration;

/**
 * The real Docker engine tests run against: skipped where there is none (a newcomer's machine), failed under
 * {@code CI=true}, where a missing engine is a broken build machine. {@code scripts/docker-engine-up} starts one.
 */
public final class RealDockerEngine {

    private RealDockerEngine() {
    }

    /** The engine at {@code DOCKER_HOST} (or the default socket), answering; else the calling tests are skipped or fail. */
    public static DockerEngine connectOrSkip(Duration timeout) {
        DockerEngine engine = DockerEngine.fromEnvironment(timeout);
        try {
            engine.ping();
            return engine;
        } catch (LiteDeskException e) {
            engine.close();
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs a Docker engine (eval \"$(scripts/docker-engine-up)\"): " + e.getMessage());
            }
            assumeTrue(false, "no Docker engine (start one with eval \"$(scripts/docker-engine-up)\"): " + e.getMessage());
            throw e;
        }
    }
}
