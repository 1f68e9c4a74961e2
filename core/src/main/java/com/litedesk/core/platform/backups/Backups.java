package com.litedesk.core.platform.backups;

import com.litedesk.core.access.Actor;
import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.platform.plans.Plans;
import com.litedesk.core.platform.demo.SubdomainAvailability;
import com.litedesk.core.platform.demo.Subdomains;
import com.litedesk.core.platform.provisioning.ProvisioningEngine;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.platform.Backup;
import com.litedesk.ports.platform.HealthStatus;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.SubscriptionStatus;
import com.litedesk.ports.platform.WorkflowKind;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backups of instance databases through the {@code BackupStore} port: on demand, nightly for every instance,
 * and restores into the same instance or into a new one (a new subdomain, provisioned from the backup).
 */
public final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final PlatformContext context;
    private final ProvisioningEngine engine;

    public Backups(PlatformContext context, ProvisioningEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    /** Copies the instance's database to the backup store now. */
    public Backup create(Actor actor, String instanceId, String trigger) {
        context.access().requireAdmin(actor, "backup.create", ref(instanceId));
        Instance instance = context.instance(instanceId);
        if (instance.state() == InstanceState.DELETED || instance.state() == InstanceState.DELETING
                || !context.databases().exists(instanceId)) {
            throw LiteDeskException.conflict("the instance " + instance.subdomain() + " has no database to back up (" + instance.state() + ")");
        }
        Instant now = context.now();
        String key = instanceId + "/" + STAMP.format(now) + ".jsonl.gz";
        AtomicLong documents = new AtomicLong();
        long size;
        try (var in = new PipedInputStream(1 << 16)) {
            var out = new PipedOutputStream(in);
            var dump = new CompletableFuture<Void>();
            Thread.ofVirtual().name("backup-" + instanceId).start(() -> {
                try (out) {
                    documents.set(context.databases().dump(instanceId, out));
                    dump.complete(null);
                } catch (IOException | RuntimeException e) {
                    dump.completeExceptionally(e);
                }
            });
            size = context.backupStore().put(key, in);
            dump.join();
        } catch (IOException | java.util.concurrent.CompletionException e) {
            throw LiteDeskException.unavailable("the backup of " + instance.subdomain() + " failed: " + e.getMessage(), e);
        }
        Backup backup = new Backup(context.ids().newId(), 1, instanceId, key, size, documents.get(),
                trigger == null ? "manual" : trigger, actor.userId(), now);
        context.stores().backups().insert(backup);
        context.audit().recordSuccess(actor, "backup.create", ref(instanceId), Map.of(),
                Map.of("backup", backup.id(), "documents", Long.toString(documents.get()), "bytes", Long.toString(size)));
        return backup;
    }

    /** Backs up every instance that has a database; one failing does not stop the others. Returns how many. */
    public int backupAll() {
        int done = 0;
        for (Instance instance : context.stores().instances().list(new Query(List.of(), List.of(), null, 100_000)).items()) {
            if (instance.state() == InstanceState.DELETED || instance.state() == InstanceState.DELETING
                    || instance.state() == InstanceState.PROVISIONING) {
                continue;
            }
            try {
                create(Actor.system(null), instance.id(), "scheduled");
                done++;
            } catch (LiteDeskException e) {
                System.getLogger("litedesk.backups").log(System.Logger.Level.WARNING,
                        "nightly backup of " + instance.subdomain() + " failed: " + e.getMessage());
            }
        }
        return done;
    }

    /**
     * Deletes backups older than {@code keepFor} from the store and the catalogue, but always keeps each instance's
     * newest one. A backup whose file cannot be deleted now stays catalogued and is tried again next time.
     * Returns how many were deleted.
     */
    public int prune(Duration keepFor) {
        Instant cutoff = context.now().minus(keepFor);
        List<Backup> all = context.stores().backups().list(new Query(List.of(), List.of(SortKey.desc("createdAt")), null, 1_000_000)).items();
        java.util.Set<String> newestSeen = new java.util.HashSet<>();
        int deleted = 0;
        for (Backup backup : all) {
            boolean newest = newestSeen.add(backup.instanceId());
            if (newest || !backup.createdAt().isBefore(cutoff)) {
                continue;
            }
            try {
                context.backupStore().delete(backup.storeKey());
                context.stores().backups().delete(backup.id(), backup.version());
                deleted++;
            } catch (LiteDeskException e) {
                System.getLogger("litedesk.backups").log(System.Logger.Level.WARNING,
                        "backup " + backup.storeKey() + " past retention could not be deleted: " + e.getMessage());
            }
        }
        if (deleted > 0) {
            context.audit().recordSuccess(Actor.system(null), "backup.prune", new RecordRef(RecordType.INSTANCE, "*"), Map.of(),
                    Map.of("deleted", Integer.toString(deleted), "olderThan", cutoff.toString()));
        }
        return deleted;
    }

    public List<Backup> list(Actor actor, String instanceId) {
        context.access().requireViewer(actor, "backup.list");
        context.instance(instanceId);
        return context.stores().backups().list(new Query(List.of(Condition.eq("instanceId", instanceId)),
                List.of(SortKey.desc("id")), null, 1000)).items();
    }

    /** One backup of an instance (NOT_FOUND when it is another instance's). */
    public Backup get(Actor actor, String instanceId, String backupId) {
        context.access().requireViewer(actor, "backup.read");
        context.instance(instanceId);
        return context.stores().backups().findById(backupId)
                .filter(b -> b.instanceId().equals(instanceId))
                .orElseThrow(() -> LiteDeskException.notFound("Backup", backupId));
    }

    /**
     * Restores a backup. Into its own instance ({@code newSubdomain} null): the database content is replaced
     * while the instance keeps running. Into a new instance: a new instance on the same plan is provisioned with
     * the backup as its database; its id is returned.
     */
    public String restore(Actor actor, String instanceId, String backupId, String newSubdomain) {
        context.access().requireAdmin(actor, "backup.restore", ref(instanceId));
        Instance source = context.instance(instanceId);
        Backup backup = context.stores().backups().findById(backupId)
                .filter(b -> b.instanceId().equals(instanceId))
                .orElseThrow(() -> LiteDeskException.notFound("Backup", backupId));
        if (newSubdomain == null || newSubdomain.isBlank()) {
            if (!source.state().isServing() && source.state() != InstanceState.SUSPENDED) {
                throw LiteDeskException.conflict("a " + source.state() + " instance cannot be restored in place");
            }
            try (var in = context.backupStore().open(backup.storeKey())) {
                context.databases().restore(instanceId, in);
            } catch (IOException e) {
                throw LiteDeskException.unavailable("cannot read backup " + backup.id(), e);
            }
            context.audit().recordSuccess(actor, "backup.restore", ref(instanceId), Map.of(), Map.of("backup", backupId));
            return instanceId;
        }
        SubdomainAvailability availability = Subdomains.of(context).check(newSubdomain, null);
        if (!availability.available()) {
            throw LiteDeskException.invalid("subdomain", availability.reason());
        }
        Instant now = context.now();
        String id = context.ids().newId();
        var plan = Plans.get(source.planId());
        context.stores().subscriptions().insert(new Subscription(id, 1, source.customerId(), id, plan.id(),
                plan.isTrial() ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE, now,
                plan.isTrial() ? now.plus(plan.trialDays(), ChronoUnit.DAYS) : null, now));
        context.stores().workflows().insert(ProvisioningEngine.newWorkflow(id, WorkflowKind.PROVISION, now, backup.storeKey()));
        context.stores().instances().insert(new Instance(id, 1, availability.subdomain(), source.name(), source.customerId(), id, null,
                plan.id(), InstanceState.PROVISIONING, "restored from backup " + backup.id(), source.ownerEmail(), source.ownerName(),
                HealthStatus.UNKNOWN, null, now, now, null));
        context.audit().recordSuccess(actor, "backup.restore", ref(id), Map.of(),
                Map.of("backup", backupId, "from", instanceId, "subdomain", availability.subdomain()));
        engine.kick(id);
        return id;
    }

    private static RecordRef ref(String id) {
        return new RecordRef(RecordType.INSTANCE, id);
    }
}
