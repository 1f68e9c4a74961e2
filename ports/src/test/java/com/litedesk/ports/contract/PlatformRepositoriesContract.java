package com.litedesk.ports.contract;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.DemoRequestState;
import com.litedesk.ports.platform.HealthSample;
import com.litedesk.ports.platform.HealthStatus;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceHistory;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.PlatformRepositories;
import com.litedesk.ports.platform.StepName;
import com.litedesk.ports.platform.StepRecord;
import com.litedesk.ports.platform.StepState;
import com.litedesk.ports.platform.Workflow;
import com.litedesk.ports.platform.WorkflowKind;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of the control plane's repository ports, run by the in-memory stores and the MongoDB adapter alike. */
public abstract class PlatformRepositoriesContract {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    protected abstract PlatformRepositories newStores();

    private static DemoRequest request(String id, String email, DemoRequestState state) {
        return new DemoRequest(id, 1, "Acme", "Ada", email, null, null, null, "acme", null, state, 1, null, null, AT, AT, "public");
    }

    private static Instance instance(String id, String subdomain, InstanceState state) {
        return new Instance(id, 1, subdomain, "Acme", id, id, id, "trial", state, null, "ada@acme.test", "Ada",
                HealthStatus.UNKNOWN, null, AT, AT, null);
    }

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void oneOpenDemoRequestPerEmailFoundWhateverTheCase() {
        var stores = newStores().demoRequests();
        stores.insert(request("r1", "ada@acme.test", DemoRequestState.NEW));
        fails(() -> stores.insert(request("r2", "ada@acme.test", DemoRequestState.QUALIFIED)), ErrorCode.CONFLICT);
        assertThat(stores.findOpenByEmail("ADA@acme.test")).map(DemoRequest::id).contains("r1");

        var rejected = stores.findById("r1").orElseThrow().withState(DemoRequestState.REJECTED, "no", null, "admin", AT);
        stores.replace(rejected, 1);
        assertThat(stores.findOpenByEmail("ada@acme.test")).isEmpty();
        stores.insert(request("r3", "ada@acme.test", DemoRequestState.NEW));
        assertThat(stores.findOpenByEmail("ada@acme.test")).map(DemoRequest::id).contains("r3");
        assertThat(stores.list(new Query(List.of(Condition.eq("subdomain", "acme")), List.of(), null, 10)).items()).hasSize(2);
    }

    @Test
    void aSubdomainBelongsToOneLiveInstanceAndIsFreedByDeletion() {
        var stores = newStores().instances();
        stores.insert(instance("i1", "acme", InstanceState.READY));
        fails(() -> stores.insert(instance("i2", "acme", InstanceState.PROVISIONING)), ErrorCode.CONFLICT);
        assertThat(stores.findBySubdomain("Acme")).map(Instance::id).contains("i1");

        stores.replace(stores.findById("i1").orElseThrow().withState(InstanceState.DELETED, "deleted", AT), 1);
        assertThat(stores.findBySubdomain("acme")).isEmpty();
        stores.insert(instance("i2", "acme", InstanceState.PROVISIONING));
        assertThat(stores.findBySubdomain("acme")).map(Instance::id).contains("i2");
        assertThat(stores.list(new Query(List.of(Condition.eq("state", InstanceState.DELETED)), List.of(), null, 10)).items())
                .extracting(Instance::id).containsExactly("i1");
    }

    @Test
    void workflowsAndHistoriesChangeOnlyFromTheVersionTheyWereReadAt() {
        var stores = newStores();
        var workflow = new Workflow("i1", 1, WorkflowKind.PROVISION, List.of(StepRecord.pending(StepName.DATABASE)), AT, null, false, null);
        stores.workflows().insert(workflow);
        var running = workflow.withSteps(List.of(new StepRecord(StepName.DATABASE, StepState.RUNNING, 1, AT, null, null, null, null)), null, false);
        stores.workflows().replace(running, 1);
        fails(() -> stores.workflows().replace(workflow.withSteps(workflow.steps(), AT, true), 1), ErrorCode.PRECONDITION_FAILED);
        assertThat(stores.workflows().findById("i1").orElseThrow()).isEqualTo(running);

        var history = new InstanceHistory("i1", 1, List.of(new HealthSample(AT, true, 3, "ok")), List.of());
        stores.histories().insert(history);
        assertThat(stores.histories().findById("i1").orElseThrow()).isEqualTo(history);
    }
}
