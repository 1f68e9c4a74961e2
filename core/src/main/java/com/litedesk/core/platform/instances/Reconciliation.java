package com.litedesk.core.platform.instances;

import java.util.List;

/**
 * What reconciling the runtime with the control plane's records found and did.
 *
 * @param adopted workloads of known instances, left as they are
 * @param removedOrphans instances the runtime ran that are deleted or unknown: their workload and database removed
 * @param repaired serving or suspended instances whose workload was missing: deployed again (and stopped when suspended)
 */
public record Reconciliation(List<String> adopted, List<String> removedOrphans, List<String> repaired) {
}
