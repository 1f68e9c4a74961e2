package com.litedesk.ports.contract;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link InstanceRuntime}: every call idempotent, deploying again adopts, stop/start keep the
 * workload, remove forgets it. Each runtime (in-process, Docker) runs it with workloads it can really start.
 */
public abstract class InstanceRuntimeContract {

    protected abstract InstanceRuntime runtime();

    /** A spec whose database exists, for a fresh instance id. */
    protected abstract WorkloadSpec spec(String instanceId);

    @Test
    void deployingTwiceRunsOneWorkload() {
        var spec = spec("contract-a");
        try {
            var first = runtime().deploy(spec);
            var again = runtime().deploy(spec);
            assertThat(first.state()).isEqualTo(WorkloadState.RUNNING);
            assertThat(first.endpoint()).startsWith("http://");
            assertThat(again.endpoint()).isEqualTo(first.endpoint());
            assertThat(runtime().list()).filteredOn(w -> w.instanceId().equals("contract-a")).hasSize(1);
        } finally {
            runtime().remove("contract-a");
        }
    }

    @Test
    void stopAndStartKeepTheWorkloadAndBothAreIdempotent() {
        var spec = spec("contract-b");
        try {
            runtime().deploy(spec);
            runtime().stop("contract-b");
            runtime().stop("contract-b");
            assertThat(runtime().find("contract-b")).get().extracting(w -> w.state()).isEqualTo(WorkloadState.STOPPED);
            runtime().start("contract-b");
            runtime().start("contract-b");
            assertThat(runtime().find("contract-b")).get().extracting(w -> w.state()).isEqualTo(WorkloadState.RUNNING);
        } finally {
            runtime().remove("contract-b");
        }
    }

    @Test
    void removeForgetsTheWorkloadAndRemovingAgainDoesNothing() {
        runtime().deploy(spec("contract-c"));
        runtime().remove("contract-c");
        runtime().remove("contract-c");
        assertThat(runtime().find("contract-c")).isEmpty();
        assertThatThrownBy(() -> runtime().start("contract-c"))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
