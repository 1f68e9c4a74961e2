package com.litedesk.core.records;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.SettingsRepository;
import com.litedesk.ports.instance.StorageMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The plan's storage limit. Measuring the database is not free, so a measurement is reused for a few
 * seconds: an instance may go a little over its limit, never far.
 */
public final class StorageQuota {

    private static final Duration REUSE = Duration.ofSeconds(5);

    private final StorageMeter meter;
    private final SettingsRepository settings;
    private final Clock clock;
    private volatile long measured;
    private volatile Instant measuredAt = Instant.MIN;

    public StorageQuota(StorageMeter meter, SettingsRepository settings, Clock clock) {
        this.meter = meter;
        this.settings = settings;
        this.clock = clock;
    }

    /** LIMIT_REACHED when the instance's data already takes its plan's storage. */
    public void requireRoom() {
        Long limitMb = settings.findById(InstanceSettings.ID).map(s -> s.limits().storageMb()).orElse(null);
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
