package com.litedesk.core.usage;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.records.Guard;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.store.Condition;
import java.util.List;

/** Counts an instance's records and storage, for its own metrics and for the control plane. */
public final class UsageMetrics {

    private final InstanceRepositories stores;
    private final Guard guard;

    public UsageMetrics(InstanceRepositories stores, Guard guard) {
        this.stores = stores;
        this.guard = guard;
    }

    public Usage snapshot(Actor actor) {
        guard.require(actor, Resource.SETTINGS, Action.READ);
        return snapshot();
    }

    /** Without an access check: for the platform's monitoring. */
    public Usage snapshot() {
        return new Usage(
                stores.users().count(List.of(Condition.eq("active", true))),
                stores.contacts().count(List.of()),
                stores.companies().count(List.of()),
                stores.deals().count(List.of()),
                stores.tasks().count(List.of(Condition.eq("status", TaskStatus.OPEN))),
                stores.notes().count(List.of()),
                stores.storage().usedBytes());
    }
}
