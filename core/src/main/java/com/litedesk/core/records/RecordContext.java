package com.litedesk.core.records;

import com.litedesk.core.audit.AuditLog;
import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.crm.DeletedRecordRepository;
import com.litedesk.ports.identity.UserRepository;
import com.litedesk.ports.instance.SettingsRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What every record service of an instance shares. */
public record RecordContext(Clock clock, IdGenerator ids, Guard guard, AuditLog audit,
                            UserRepository users, SettingsRepository settings, PlanQuota plan,
                            DeletedRecordRepository deleted) {

    /** Now, at the millisecond precision every store keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
