package com.litedesk.ports.platform;

/** The named steps of the provisioning and deletion workflows, in the order they run. */
public enum StepName {
    DATABASE, SECRETS, WORKLOAD, DNS, WAIT_HEALTHY, SEED, INVITATION,
    REMOVE_WORKLOAD, REMOVE_DNS, DROP_DATABASE, REMOVE_SECRETS
}
