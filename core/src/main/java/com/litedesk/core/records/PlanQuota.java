package com.litedesk.core.records;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.instance.SettingsRepository;
import com.litedesk.ports.instance.StorageMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The one place an instance's plan limits are read, and where seats, contacts and stored data are enforced (the API
 * requests per minute are enforced by the HTTP layer, from {@link #limits()}). Before the instance is set up there are no
 * limits. Measuring the database is not free, so a
 * measurement is reused for a few seconds: an instance may go a little over its storage, never far.
 */
public final class PlanQuota {

    private static final Duration REUSE = Duration.ofSeconds(5);

    private final StorageMeter meter;
    private final SettingsRepository settings;
    private final Clock clock;
    private volatile long measured;
    private volatile Instant measuredAt = Instant.MIN;

    public PlanQuota(StorageMeter meter, SettingsRepository settings, Clock clock) {
        this.meter = meter;
        this.settings = settings;
        this.clock = clock;
    }

    /** The plan's limits now; unlimited before set-up. */
    public PlanLimits limits() {
        return settings.findById(InstanceSettings.ID).map(InstanceSettings::limits).orElse(PlanLimits.UNLIMITED);
    }

    /** LIMIT_REACHED when {@code active} users already take every seat of the plan. */
    public void requireSeat(LongSupplier active) {
        Integer seats = limits().seats();
        if (seats != null && active.getAsLong() >= seats) {
            throw LiteDeskException.limitReached("the plan allows " + seats + " active users; upgrade to add more");
        }
    }

    /** How many more contacts the plan allows beside the {@code existing} ones ({@code Long.MAX_VALUE}: no limit). */
    public long contactRoom(LongSupplier existing) {
        Long limit = limits().contacts();
        return limit == null ? Long.MAX_VALUE : Math.max(0, limit - existing.getAsLong());
    }

    /** LIMIT_REACHED when the {@code existing} contacts already take the plan's. */
    public void requireContactRoom(LongSupplier existing) {
        if (contactRoom(existing) == 0) {
            throw LiteDeskException.limitReached("the plan allows " + limits().contacts() + " contacts; upgrade to add more");
        }
    }

    /** LIMIT_REACHED when the instance's data already takes its plan's storage. */
    public void requireStorageRoom() {
        Long limitMb = limits().storageMb();
        if (limitMb == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isAfter(measuredAt.plus(REUSE)) || now.isBefore(measuredAt)) {
            measured = meter.usedBytes();
            measuredAt = now;
        }
        if (measured >= limitMb * 1024 * 1024) {
            throw LiteDeskException.limitReached("the plan allows " + limitMb + " MB of data; upgrade or delete records to add more");
        }
    }
}
