package com.litedesk.ports.platform;

/**
 * How big an instance's workload is, as its plan says: the memory and CPUs it may use at most, and what it is
 * guaranteed (a runtime that reserves resources, such as Kubernetes, asks for that much). Runtimes size containers
 * and pods from this alone; they never know plans.
 *
 * @param memoryMb    memory it may use, in MiB
 * @param cpus        CPUs it may use
 * @param memoryRequestMb memory it is guaranteed, in MiB
 * @param cpuRequest  CPUs it is guaranteed
 */
public record WorkloadSize(int memoryMb, double cpus, int memoryRequestMb, double cpuRequest) {

    public WorkloadSize {
        if (memoryMb < 64 || cpus <= 0 || memoryRequestMb < 1 || memoryRequestMb > memoryMb || cpuRequest <= 0 || cpuRequest > cpus) {
            throw new IllegalArgumentException("a workload needs at least 64 MiB and some CPU, and requests within its limits");
        }
    }
}
