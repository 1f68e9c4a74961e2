package com.litedesk.ports.platform;

import java.util.List;
import java.util.Optional;

/**
 * Runs instance workloads: in the control plane's own JVM, as containers, or on Kubernetes. Every method is
 * idempotent and safe to call again after a crash: deploying an existing workload adopts it (and updates it
 * to the spec), stopping a stopped one or removing a missing one does nothing. UNAVAILABLE when the runtime
 * cannot be reached; calls time out rather than hang. Thread-safe.
 */
public interface InstanceRuntime {

    /** Creates or adopts the workload of {@code spec} and starts it; returns without waiting for health. */
    Workload deploy(WorkloadSpec spec);

    /** Stops the workload, keeping everything it needs to start again (suspend). */
    void stop(String instanceId);

    /** Starts a stopped workload (resume). NOT_FOUND when it was never deployed. */
    void start(String instanceId);

    /** Removes the workload and everything the runtime created for it. */
    void remove(String instanceId);

    Optional<Workload> find(String instanceId);

    /**
     * Waits until the runtime itself reports the workload running (on Kubernetes: the Deployment has a ready
     * replica, watched), at most {@code timeout}; returns it as it then is. The control plane still checks the
     * instance's health over HTTP afterwards. Runtimes whose workloads run as soon as they are deployed return at
     * once. NOT_FOUND when it was never deployed; UNAVAILABLE when it is not running in time.
     */
    default Workload awaitRunning(String instanceId, java.time.Duration timeout) {
        return find(instanceId).orElseThrow(() -> com.litedesk.ports.LiteDeskException.notFound("Workload", instanceId));
    }

    /** Every workload this runtime manages, including those of instances the control plane no longer knows. */
    List<Workload> list();
}
