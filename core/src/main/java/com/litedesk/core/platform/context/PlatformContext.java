package com.litedesk.core.platform.context;

import com.litedesk.core.audit.AuditLog;
import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.platform.BackupStore;
import com.litedesk.ports.platform.BillingProvider;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.DnsRegistrar;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceAgent;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.PlatformRepositories;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Repository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/** What every control-plane use case works with: its stores, the ports to the outside, settings and time. */
public record PlatformContext(
        PlatformRepositories stores,
        InstanceRuntime runtime,
        DatabaseProvisioner databases,
        DnsRegistrar dns,
        InstanceAgent agent,
        Mailer mailer,
        BackupStore backupStore,
        BillingProvider billing,
        PlatformSettings settings,
        AuditLog audit,
        PlatformAccess access,
        IdGenerator ids,
        Clock clock) {

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Instance instance(String id) {
        return stores.instances().findById(id).orElseThrow(() -> LiteDeskException.notFound("Instance", id));
    }

    /**
     * Applies {@code change} to the stored record and writes it with the next version; when someone else
     * wrote in between, reads again and re-applies. The change may throw to refuse.
     */
    public static <T extends Entity> T update(Repository<T> repository, String id, String noun, UnaryOperator<T> change) {
        return com.litedesk.core.support.LostRaces.retry(51, () -> {
            T current = repository.findById(id).orElseThrow(() -> LiteDeskException.notFound(noun, id));
            T next = change.apply(current);
            return next == current ? current : repository.replace(next, current.version());
        });
    }

    /** Inserts {@code entity} unless a record with its id exists; returns the stored one either way. */
    public static <T extends Entity> T insertIfAbsent(Repository<T> repository, T entity) {
        var existing = repository.findById(entity.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return repository.insert(entity);
        } catch (LiteDeskException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                var raced = repository.findById(entity.id());
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            throw e;
        }
    }
}
