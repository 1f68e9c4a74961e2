package com.litedesk.core.platform.plans;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.instance.PlanLimits;
import java.math.BigDecimal;

/**
 * A plan customers subscribe to.
 *
 * @param trialDays days a subscription may stay on this plan for free, or null for a paid plan
 * @param monthlyPrice in EUR, or null for plans priced by contract
 * @param size how big an instance's workload is on this plan (what runtimes size containers and pods by)
 */
public record Plan(String id, String name, PlanLimits limits, @Nullable Integer trialDays, @Nullable BigDecimal monthlyPrice,
                   com.litedesk.ports.platform.WorkloadSize size) {

    public boolean isTrial() {
        return trialDays != null;
    }
}
