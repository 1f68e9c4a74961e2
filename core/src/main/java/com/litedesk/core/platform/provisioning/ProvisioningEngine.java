package com.litedesk.core.platform.provisioning;

import com.litedesk.core.access.Actor;
import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.platform.plans.Plans;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.StepName;
import com.litedesk.ports.platform.StepRecord;
import com.litedesk.ports.platform.StepState;
import com.litedesk.ports.platform.SubscriptionStatus;
import com.litedesk.ports.platform.Workflow;
import com.litedesk.ports.platform.WorkflowKind;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs provisioning and deletion workflows. Each step goes through its port idempotently and every change of a
 * step (running, done, failed with its error and next attempt) is one atomic write of the instance's
 * {@link Workflow}, so a control plane that dies anywhere resumes at the step it was in and repeats at most that
 * step's action. Failed attempts are retried with exponential back-off and jitter up to
 * {@code maxAttempts}; then the instance is FAILED until an admin retries or deletes it. One instance is worked
 * on by one thread of this engine at a time.
 */
public final class ProvisioningEngine implements AutoCloseable {

    public static final List<StepName> PROVISION = List.of(StepName.DATABASE, StepName.SECRETS, StepName.WORKLOAD,
            StepName.DNS, StepName.WAIT_HEALTHY, StepName.SEED, StepName.INVITATION);
    public static final List<StepName> DELETE = List.of(StepName.REMOVE_WORKLOAD, StepName.REMOVE_DNS,
            StepName.DROP_DATABASE, StepName.REMOVE_SECRETS);

    private static final System.Logger LOG = System.getLogger("litedesk.provisioning");

    private final PlatformContext context;
    private final InstanceSecrets secrets;
    private final StepListener listener;
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    public ProvisioningEngine(PlatformContext context, InstanceSecrets secrets, StepListener listener) {
        this.context = context;
        this.secrets = secrets;
        this.listener = listener;
    }

    /** A fresh workflow for an instance. */
    public static Workflow newWorkflow(String instanceId, WorkflowKind kind, Instant now, String restoreFrom) {
        var steps = (kind == WorkflowKind.PROVISION ? PROVISION : DELETE).stream().map(StepRecord::pending).toList();
        return new Workflow(instanceId, 1, kind, steps, now, null, false, restoreFrom);
    }

    /** Works on the instance in the background, unless this engine is at it already. */
    public void kick(String instanceId) {
        if (closed || !working.add(instanceId)) {
            return;
        }
        threads.submit(() -> {
            try {
                run(instanceId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "workflow of " + instanceId + " stopped: " + e.getMessage(), e);
            } finally {
                working.remove(instanceId);
            }
        });
    }

    /** Kicks every instance with unfinished work: at start-up, after a crash, and periodically. */
    public int resumeAll() {
        int kicked = 0;
        for (InstanceState state : new InstanceState[] {InstanceState.PROVISIONING, InstanceState.DELETING}) {
            for (Instance instance : context.stores().instances()
                    .list(new Query(List.of(Condition.eq("state", state)), List.of(), null, 10_000)).items()) {
                kick(instance.id());
                kicked++;
            }
        }
        return kicked;
    }

    public boolean isWorkingOn(String instanceId) {
        return working.contains(instanceId);
    }

    /**
     * Runs the instance's workflow in the calling thread until it is finished or FAILED, waiting out back-off
     * delays. Returns the workflow as it ends (or null when the instance has nothing to do).
     */
    public Workflow run(String instanceId) {
        while (!closed) {
            Instance instance = context.instance(instanceId);
            WorkflowKind kind = switch (instance.state()) {
                case PROVISIONING -> WorkflowKind.PROVISION;
                case DELETING -> WorkflowKind.DELETE;
                default -> null;
            };
            if (kind == null) {
                return context.stores().workflows().findById(instanceId).orElse(null);
            }
            Workflow workflow = workflowOf(instance, kind);
            if (workflow.failed()) {
                return workflow;
            }
            var step = workflow.current();
            if (step.isEmpty()) {
                finish(instance, workflow);
                continue;
            }
            Instant due = step.get().nextAttemptAt();
            if (due != null && due.isAfter(context.now())) {
                sleep(Duration.between(context.now(), due));
                continue;
            }
            try {
                attempt(instance, workflow, step.get());
            } catch (LiteDeskException e) {
                if (e.code() != ErrorCode.PRECONDITION_FAILED) {
                    throw e;
                }
                // the workflow changed under us (a retry, a deletion): read it again
            }
        }
        return null;
    }

    private Workflow workflowOf(Instance instance, WorkflowKind kind) {
        var stored = context.stores().workflows().findById(instance.id());
        if (stored.isPresent() && stored.get().kind() == kind) {
            return stored.get();
        }
        Workflow fresh = newWorkflow(instance.id(), kind, context.now(), null);
        if (stored.isEmpty()) {
            return PlatformContext.insertIfAbsent(context.stores().workflows(), fresh);
        }
        Workflow old = stored.get();
        return context.stores().workflows().replace(new Workflow(old.id(), old.version() + 1, kind, fresh.steps(),
                fresh.startedAt(), null, false, null), old.version());
    }

    private void attempt(Instance instance, Workflow workflow, StepRecord step) {
        Instant started = context.now();
        int attempts = step.attempts() + 1;
        Workflow claimed = replaceStep(workflow, new StepRecord(step.name(), StepState.RUNNING, attempts, started, null, null,
                step.lastError(), null), null, false);
        try {
            runWithTimeout(step.name(), instance, claimed);
            listener.actionDone(instance.id(), step.name());
            Instant done = context.now();
            replaceStep(claimed, new StepRecord(step.name(), StepState.DONE, attempts, started, done,
                    Duration.between(started, done).toMillis(), step.lastError(), null), null, false);
        } catch (StepFailure failure) {
            Instant now = context.now();
            String error = failure.getMessage();
            if (attempts >= context.settings().maxAttempts()) {
                replaceStep(claimed, new StepRecord(step.name(), StepState.FAILED, attempts, started, now,
                        Duration.between(started, now).toMillis(), error, null), now, true);
                String reason = step.name() + " failed after " + attempts + " attempts: " + error;
                PlatformContext.update(context.stores().instances(), instance.id(), "Instance",
                        i -> i.withState(InstanceState.FAILED, reason, now));
                context.audit().append(Actor.system(null), "instance.failed", ref(instance.id()),
                        com.litedesk.ports.audit.AuditOutcome.FAILURE, Map.of(), Map.of("step", step.name().name(), "error", error));
                listener.workflowFinished(instance.id(), true);
                LOG.log(System.Logger.Level.WARNING, "instance " + instance.subdomain() + ": " + reason);
            } else {
                Instant next = now.plus(backoff(attempts));
                replaceStep(claimed, new StepRecord(step.name(), StepState.PENDING, attempts, started, now,
                        Duration.between(started, now).toMillis(), error, next), null, false);
                LOG.log(System.Logger.Level.INFO, "instance " + instance.subdomain() + ": " + step.name() + " attempt "
                        + attempts + " failed (" + error + "); next attempt at " + next);
            }
        }
    }

    /** Exponential back-off with full jitter between half and all of the delay. */
    Duration backoff(int attempts) {
        long first = context.settings().firstRetry().toMillis();
        long max = context.settings().maxRetry().toMillis();
        long delay = Math.min(max, first << Math.min(20, attempts - 1));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private Workflow replaceStep(Workflow workflow, StepRecord step, Instant finishedAt, boolean failed) {
        List<StepRecord> steps = new ArrayList<>(workflow.steps());
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name() == step.name()) {
                steps.set(i, step);
            }
        }
        return context.stores().workflows().replace(workflow.withSteps(steps, finishedAt, failed), workflow.version());
    }

    private void runWithTimeout(StepName step, Instance instance, Workflow workflow) {
        Duration timeout = step == StepName.WAIT_HEALTHY
                ? context.settings().healthyTimeout().plusSeconds(10) : context.settings().stepTimeout();
        var future = threads.submit(() -> {
            perform(step, instance, workflow);
            return null;
        });
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StepFailure("timed out after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StepFailure(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted");
        }
    }

    private void perform(StepName step, Instance instance, Workflow workflow) {
        String id = instance.id();
        switch (step) {
            case DATABASE -> {
                context.databases().create(id);
                if (workflow.restoreFrom() != null) {
                    try (var in = context.backupStore().open(workflow.restoreFrom())) {
                        context.databases().restore(id, in);
                    } catch (java.io.IOException e) {
                        throw LiteDeskException.unavailable("cannot read backup " + workflow.restoreFrom(), e);
                    }
                }
            }
            case SECRETS -> secrets.ensure(id);
            case WORKLOAD -> context.runtime().deploy(specOf(instance));
            case DNS -> context.dns().register(context.settings().hostOf(instance.subdomain()), context.settings().dnsTarget());
            case WAIT_HEALTHY -> awaitHealthy(instance);
            case SEED -> context.agent().seed(workload(instance), secrets.managementKey(id), instance.name(), instance.planId(),
                    Plans.get(instance.planId()).limits(), instance.ownerEmail(), instance.ownerName());
            case INVITATION -> {
                var invitation = context.agent().inviteOwner(workload(instance), secrets.managementKey(id));
                if (invitation.setPasswordLink() != null) {
                    context.mailer().send(new Mail(instance.ownerEmail(), "Your LiteDesk CRM " + instance.name() + " is ready",
                            "Hello " + instance.ownerName() + ",\n\nyour CRM is ready at " + context.settings().urlOf(instance.subdomain())
                                    + "\n\nSet your password to sign in (the link works once):\n" + invitation.setPasswordLink()
                                    + "\n\nWelcome to LiteDesk.\n", "invitation/" + id));
                }
            }
            case REMOVE_WORKLOAD -> context.runtime().remove(id);
            case REMOVE_DNS -> context.dns().unregister(context.settings().hostOf(instance.subdomain()));
            case DROP_DATABASE -> context.databases().drop(id);
            case REMOVE_SECRETS -> secrets.remove(id);
        }
    }

    /** What the runtime needs to run {@code instance}; the database and secrets exist by then. */
    public WorkloadSpec specOf(Instance instance) {
        var plan = Plans.get(instance.planId());
        return new WorkloadSpec(instance.id(), instance.subdomain(), instance.name(), context.settings().hostOf(instance.subdomain()),
                context.settings().urlOf(instance.subdomain()), context.databases().create(instance.id()),
                secrets.signingKey(instance.id()), secrets.managementKey(instance.id()), plan.id(), plan.limits(), plan.size());
    }

    /**
     * The instance's workload, deployed again when the runtime lost it (an in-process workload ends with a
     * crashed control plane; a container can vanish): deploying is idempotent, so this is safe.
     */
    private Workload workload(Instance instance) {
        return context.runtime().find(instance.id()).orElseGet(() -> context.runtime().deploy(specOf(instance)));
    }

    private void awaitHealthy(Instance instance) {
        Instant deadline = context.clock().instant().plus(context.settings().healthyTimeout());
        workload(instance); // deployed again if the runtime lost it
        context.runtime().awaitRunning(instance.id(), context.settings().healthyTimeout());
        String last = "no answer";
        while (true) {
            var health = context.agent().health(workload(instance));
            if (health.healthy()) {
                return;
            }
            last = health.detail();
            if (!context.clock().instant().isBefore(deadline)) {
                throw LiteDeskException.unavailable("not healthy after " + context.settings().healthyTimeout().toSeconds()
                        + " s: " + last, null);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private void finish(Instance instance, Workflow workflow) {
        Instant now = context.now();
        if (workflow.finishedAt() == null) {
            context.stores().workflows().replace(workflow.withSteps(workflow.steps(), now, false), workflow.version());
        }
        if (workflow.kind() == WorkflowKind.PROVISION) {
            PlatformContext.update(context.stores().instances(), instance.id(), "Instance",
                    i -> i.state() == InstanceState.PROVISIONING ? i.withState(InstanceState.READY, null, now) : i);
            context.audit().recordSuccess(Actor.system(null), "instance.ready", ref(instance.id()), Map.of(),
                    Map.of("subdomain", instance.subdomain()));
        } else {
            PlatformContext.update(context.stores().instances(), instance.id(), "Instance",
                    i -> i.state() == InstanceState.DELETING ? i.withState(InstanceState.DELETED, "deleted", now) : i);
            context.stores().subscriptions().findById(instance.subscriptionId()).ifPresent(s -> {
                PlatformContext.update(context.stores().subscriptions(), s.id(), "Subscription",
                        c -> c.status() == SubscriptionStatus.CANCELED ? c : c.with(c.planId(), SubscriptionStatus.CANCELED, now));
                context.stores().customers().findById(s.customerId())
                        .ifPresent(c -> context.billing().cancel(c.billingReference(), instance.id()));
            });
            context.audit().recordSuccess(Actor.system(null), "instance.deleted", ref(instance.id()), Map.of(),
                    Map.of("subdomain", instance.subdomain()));
        }
        listener.workflowFinished(instance.id(), false);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, Math.min(duration.toMillis(), 60_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LiteDeskException.unavailable("interrupted", e);
        }
    }

    static RecordRef ref(String instanceId) {
        return new RecordRef(RecordType.INSTANCE, instanceId);
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
    }

    /** One attempt of a step failed. */
    private static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message, null, false, false);
        }
    }
}
