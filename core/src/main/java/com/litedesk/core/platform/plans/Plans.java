package com.litedesk.core.platform.plans;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.WorkloadSize;
import java.math.BigDecimal;
import java.util.List;

/**
 * The plan catalogue: limits per plan (seats, contacts, storage in MB, API requests per minute) and the size of an
 * instance's workload on it. A new plan is a line here.
 */
public final class Plans {

    public static final String TRIAL = "trial";

    private static final WorkloadSize SMALL = new WorkloadSize(384, 0.5, 256, 0.1);
    private static final WorkloadSize MEDIUM = new WorkloadSize(768, 1.0, 512, 0.25);
    private static final WorkloadSize LARGE = new WorkloadSize(1536, 2.0, 1024, 0.5);

    private static final List<Plan> ALL = List.of(
            new Plan(TRIAL, "Trial", new PlanLimits(3, 1_000L, 100L, 120), 15, BigDecimal.ZERO, SMALL),
            new Plan("starter", "Starter", new PlanLimits(5, 10_000L, 1_024L, 300), null, new BigDecimal("49"), SMALL),
            new Plan("professional", "Professional", new PlanLimits(25, 100_000L, 10_240L, 1_200), null, new BigDecimal("199"), MEDIUM),
            new Plan("enterprise", "Enterprise", PlanLimits.UNLIMITED, null, null, LARGE));

    private Plans() {
    }

    public static List<Plan> all() {
        return ALL;
    }

    /** The plan {@code id}; VALIDATION naming the field {@code planId} when there is none. */
    public static Plan get(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> LiteDeskException.invalid("planId", "must be one of trial, starter, professional, enterprise"));
    }
}
