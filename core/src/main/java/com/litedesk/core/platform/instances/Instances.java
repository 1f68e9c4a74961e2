package com.litedesk.core.platform.instances;

import com.litedesk.core.access.Actor;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.platform.plans.Plan;
import com.litedesk.core.platform.plans.Plans;
import com.litedesk.core.platform.provisioning.InstanceSecrets;
import com.litedesk.core.platform.provisioning.ProvisioningEngine;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.platform.Customer;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.DemoRequestState;
import com.litedesk.ports.platform.HealthStatus;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.StepRecord;
import com.litedesk.ports.platform.StepState;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.SubscriptionStatus;
import com.litedesk.ports.platform.Workflow;
import com.litedesk.ports.platform.WorkflowKind;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customer instances: one-click conversion of a demo request, the instance list, and the lifecycle actions
 * suspend, resume, retry, delete and plan changes. Every change is audited.
 */
public final class Instances {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("subdomain").text("name").text("planId").enumeration("state", InstanceState.class)
            .text("ownerEmail").text("customerId").instant("readyAt")
            .fullTextSearch()
            .build();

    private final PlatformContext context;
    private final ProvisioningEngine engine;
    private final InstanceSecrets secrets;
    private final ListQueries queries = new ListQueries(FIELDS);

    public Instances(PlatformContext context, ProvisioningEngine engine, InstanceSecrets secrets) {
        this.context = context;
        this.engine = engine;
        this.secrets = secrets;
    }

    /**
     * Converts a demo request into a customer, a trial subscription and an instance, and starts provisioning;
     * returns the instance id at once. The ids derive from the request's, so converting again — also twice at
     * the same moment — finds the same instance and never creates a second one. CONFLICT for a rejected request
     * or a subdomain another instance took meanwhile.
     */
    public String convert(Actor actor, String demoRequestId) {
        context.access().requireAdmin(actor, "instance.convert", new RecordRef(RecordType.DEMO_REQUEST, demoRequestId));
        DemoRequest request = context.stores().demoRequests().findById(demoRequestId)
                .filter(r -> r.state() != DemoRequestState.UNCONFIRMED) // a submission awaiting its mail's confirmation
                .orElseThrow(() -> LiteDeskException.notFound("Demo request", demoRequestId));
        if (request.state() == DemoRequestState.CONVERTED) {
            return request.instanceId();
        }
        if (request.state() == DemoRequestState.REJECTED) {
            throw LiteDeskException.conflict("a rejected demo request cannot be converted");
        }
        String id = request.id();
        Instant now = context.now();
        Plan trial = Plans.get(Plans.TRIAL);
        var taken = context.stores().instances().findBySubdomain(request.subdomain());
        if (taken.isPresent() && !taken.get().id().equals(id)) {
            throw LiteDeskException.conflict("the subdomain " + request.subdomain() + " is taken by another instance");
        }
        Instance instance = new Instance(id, 1, request.subdomain(), request.companyName(), id, id, request.id(), trial.id(),
                InstanceState.PROVISIONING, null, request.email(), request.contactName(), HealthStatus.UNKNOWN, null, now, now, null);
        try {
            PlatformContext.insertIfAbsent(context.stores().instances(), instance);
        } catch (LiteDeskException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                throw LiteDeskException.conflict("the subdomain " + request.subdomain() + " is taken by another instance");
            }
            throw e;
        }
        Customer customer = PlatformContext.insertIfAbsent(context.stores().customers(),
                new Customer(id, 1, request.companyName(), request.contactName(), request.email(), null, now));
        if (customer.billingReference() == null) {
            String reference = context.billing().registerCustomer(customer);
            PlatformContext.update(context.stores().customers(), id, "Customer", c -> c.billingReference() != null ? c
                    : new Customer(c.id(), c.version() + 1, c.name(), c.contactName(), c.email(), reference, c.createdAt()));
        }
        PlatformContext.insertIfAbsent(context.stores().subscriptions(), new Subscription(id, 1, id, id, trial.id(),
                SubscriptionStatus.TRIALING, now, now.plus(trial.trialDays(), ChronoUnit.DAYS), now));
        PlatformContext.insertIfAbsent(context.stores().workflows(),
                ProvisioningEngine.newWorkflow(id, WorkflowKind.PROVISION, now, null));
        var converted = new java.util.concurrent.atomic.AtomicBoolean();
        PlatformContext.update(context.stores().demoRequests(), request.id(), "Demo request", r -> {
            converted.set(false);
            if (r.state() == DemoRequestState.CONVERTED) {
                return r; // a concurrent click won: same instance
            }
            if (r.state() == DemoRequestState.REJECTED) {
                throw LiteDeskException.conflict("the demo request was rejected meanwhile");
            }
            converted.set(true);
            return r.withState(DemoRequestState.CONVERTED, r.decisionNote(), id, actor.userId(), now);
        });
        if (converted.get()) {
            context.audit().recordSuccess(actor, "instance.convert", ref(id), Map.of(),
                    Map.of("subdomain", request.subdomain(), "demoRequest", request.id(), "plan", trial.id()));
        }
        engine.kick(id);
        return id;
    }

    /** Instances, newest first; {@code filter} on state, planId, subdomain…; {@code q} searches names. */
    public ListResult<Instance> list(Actor actor, ListRequest request) {
        context.access().requireViewer(actor, "instance.list");
        ListRequest newestFirst = request.sort() == null || request.sort().isBlank()
                ? new ListRequest(request.filter(), "-id", request.q(), request.cursor(), request.limit()) : request;
        var query = queries.toQuery(newestFirst, List.of());
        return queries.page(context.stores().instances(), query, request);
    }

    public Instance get(Actor actor, String id) {
        context.access().requireViewer(actor, "instance.read");
        return context.instance(id);
    }

    /** The steps of the instance's provisioning (or deletion), with attempts, timings and errors. */
    public Workflow provisioning(Actor actor, String id) {
        context.access().requireViewer(actor, "instance.provisioning");
        context.instance(id);
        return context.stores().workflows().findById(id).orElseThrow(() -> LiteDeskException.notFound("Provisioning of instance", id));
    }

    /** Stops the workload; the instance answers 503 until resumed. READY or DEGRADED only. */
    public Instance suspend(Actor actor, String id, String reason) {
        context.access().requireAdmin(actor, "instance.suspend", ref(id));
        String why = reason == null || reason.isBlank() ? "suspended by a platform admin" : reason.strip();
        Instance after = transition(id, Set.of(InstanceState.READY, InstanceState.DEGRADED), InstanceState.SUSPENDED, why);
        context.runtime().stop(id);
        context.audit().recordSuccess(actor, "instance.suspend", ref(id), Map.of(), Map.of("reason", why));
        return after;
    }

    /** Starts a suspended instance again. CONFLICT when its trial has expired and the plan was not changed. */
    public Instance resume(Actor actor, String id) {
        context.access().requireAdmin(actor, "instance.resume", ref(id));
        Instance instance = context.instance(id);
        if (instance.state() != InstanceState.SUSPENDED) {
            throw LiteDeskException.conflict("only a SUSPENDED instance can be resumed; this one is " + instance.state());
        }
        var subscription = context.stores().subscriptions().findById(instance.subscriptionId());
        if (subscription.isPresent() && subscription.get().status() == SubscriptionStatus.EXPIRED) {
            throw LiteDeskException.conflict("the trial has expired: change the plan to resume the instance");
        }
        context.runtime().start(id);
        Instance after = transition(id, Set.of(InstanceState.SUSPENDED), InstanceState.READY, null);
        context.audit().recordSuccess(actor, "instance.resume", ref(id), Map.of("state", "SUSPENDED"), Map.of("state", "READY"));
        return after;
    }

    /** Runs a FAILED instance's workflow again from its failed step. */
    public Instance retry(Actor actor, String id) {
        context.access().requireAdmin(actor, "instance.retry", ref(id));
        Instance instance = context.instance(id);
        if (instance.state() != InstanceState.FAILED) {
            throw LiteDeskException.conflict("only a FAILED instance can be retried; this one is " + instance.state());
        }
        Workflow workflow = context.stores().workflows().findById(id)
                .orElseGet(() -> ProvisioningEngine.newWorkflow(id, WorkflowKind.PROVISION, context.now(), null));
        PlatformContext.update(context.stores().workflows(), id, "Workflow", w -> {
            List<StepRecord> steps = new ArrayList<>();
            for (StepRecord s : w.steps()) {
                steps.add(s.state() == StepState.FAILED || s.state() == StepState.RUNNING
                        ? new StepRecord(s.name(), StepState.PENDING, 0, null, null, null, s.lastError(), null) : s);
            }
            return w.withSteps(steps, null, false);
        });
        InstanceState next = workflow.kind() == WorkflowKind.DELETE ? InstanceState.DELETING : InstanceState.PROVISIONING;
        Instance after = transition(id, Set.of(InstanceState.FAILED), next, null);
        context.audit().recordSuccess(actor, "instance.retry", ref(id), Map.of("state", "FAILED"), Map.of("state", next.name()));
        engine.kick(id);
        return after;
    }

    /**
     * Deletes the instance: its workload, DNS name, database and secrets, through the deletion workflow.
     * CONFLICT when it is deleted (or being deleted) already.
     */
    public Instance delete(Actor actor, String id) {
        context.access().requireAdmin(actor, "instance.delete", ref(id));
        Instant now = context.now();
        Instance before = context.instance(id);
        Instance after = PlatformContext.update(context.stores().instances(), id, "Instance", i -> {
            if (i.state() == InstanceState.DELETED || i.state() == InstanceState.DELETING) {
                throw LiteDeskException.conflict("the instance is " + i.state() + " already");
            }
            return i.withState(InstanceState.DELETING, "deleted by a platform admin", now);
        });
        Workflow fresh = ProvisioningEngine.newWorkflow(id, WorkflowKind.DELETE, now, null);
        var stored = context.stores().workflows().findById(id);
        if (stored.isEmpty()) {
            PlatformContext.insertIfAbsent(context.stores().workflows(), fresh);
        } else {
            PlatformContext.update(context.stores().workflows(), id, "Workflow", w -> new Workflow(w.id(), w.version() + 1,
                    WorkflowKind.DELETE, fresh.steps(), now, null, false, null));
        }
        context.audit().recordSuccess(actor, "instance.delete", ref(id), Map.of("state", before.state().name()),
                Map.of("state", "DELETING", "subdomain", before.subdomain()));
        engine.kick(id);
        return after;
    }

    /** Moves the instance to another plan; a running instance applies the new limits at once, without restart. */
    public Instance changePlan(Actor actor, String id, String planId) {
        context.access().requireAdmin(actor, "instance.plan", ref(id));
        Plan plan = Plans.get(planId);
        Instance before = context.instance(id);
        if (before.state() == InstanceState.DELETED || before.state() == InstanceState.DELETING) {
            throw LiteDeskException.conflict("the instance is " + before.state());
        }
        Instant now = context.now();
        Instance after = PlatformContext.update(context.stores().instances(), id, "Instance", i -> i.withPlan(plan.id(), now));
        context.stores().subscriptions().findById(before.subscriptionId()).ifPresent(s -> {
            SubscriptionStatus status = plan.isTrial() ? (now.isBefore(s.trialEndsAt()) ? SubscriptionStatus.TRIALING
                    : SubscriptionStatus.EXPIRED) : SubscriptionStatus.ACTIVE;
            PlatformContext.update(context.stores().subscriptions(), s.id(), "Subscription", c -> c.with(plan.id(), status, now));
            context.stores().customers().findById(s.customerId()).ifPresent(c -> {
                if (c.billingReference() != null) {
                    context.billing().changePlan(c.billingReference(), id, plan.id());
                }
            });
        });
        if (after.state().isServing() || after.state() == InstanceState.SUSPENDED) {
            context.runtime().find(id).ifPresent(w -> {
                if (w.state() == com.litedesk.ports.platform.WorkloadState.RUNNING) {
                    context.agent().applyPlan(w, secrets.managementKey(id), plan.id(), plan.limits());
                }
            });
        }
        context.audit().recordSuccess(actor, "instance.plan", ref(id), Map.of("plan", before.planId()), Map.of("plan", plan.id()));
        return after;
    }

    /**
     * Has a running instance sign its access tokens with a new key, without downtime: tokens signed with the old key
     * keep working until they expire. Returns the new key's id.
     */
    public String rotateSigningKey(Actor actor, String id) {
        context.access().requireAdmin(actor, "instance.signing-key.rotate", ref(id));
        Instance instance = context.instance(id);
        if (!instance.state().isServing()) {
            throw LiteDeskException.conflict("the instance is " + instance.state() + "; only a serving instance rotates its keys");
        }
        var workload = context.runtime().find(id).filter(w -> w.state() == com.litedesk.ports.platform.WorkloadState.RUNNING)
                .orElseThrow(() -> LiteDeskException.conflict("the instance is not running"));
        String kid = context.agent().rotateSigningKey(workload, secrets.managementKey(id));
        context.audit().recordSuccess(actor, "instance.signing-key.rotate", ref(id), Map.of(), Map.of("kid", kid));
        return kid;
    }

    /**
     * Suspends the instances whose trial ended more than the grace period ago (their subscription becomes
     * EXPIRED). Run by a scheduled job; returns how many it suspended.
     */
    public int expireTrials() {
        Instant now = context.now();
        int suspended = 0;
        for (Subscription s : context.stores().subscriptions()
                .list(new Query(List.of(Condition.eq("status", SubscriptionStatus.TRIALING)), List.of(), null, 10_000)).items()) {
            if (s.trialEndsAt() == null || now.isBefore(s.trialEndsAt().plus(context.settings().trialGrace()))) {
                continue;
            }
            PlatformContext.update(context.stores().subscriptions(), s.id(), "Subscription",
                    c -> c.status() == SubscriptionStatus.TRIALING ? c.with(c.planId(), SubscriptionStatus.EXPIRED, now) : c);
            var instance = context.stores().instances().findById(s.instanceId());
            if (instance.isPresent() && instance.get().state().isServing()) {
                transition(s.instanceId(), Set.of(InstanceState.READY, InstanceState.DEGRADED), InstanceState.SUSPENDED,
                        "the trial ended on " + s.trialEndsAt().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10));
                context.runtime().stop(s.instanceId());
                suspended++;
            }
            context.audit().recordSuccess(Actor.system(null), "subscription.expire", ref(s.instanceId()), Map.of(),
                    Map.of("trialEndsAt", s.trialEndsAt().toString()));
        }
        return suspended;
    }

    /**
     * Makes the runtime match the records, at start-up: workloads of instances that are deleted or unknown are
     * removed with their database (and reported), serving or suspended instances whose workload vanished are
     * deployed again (suspended ones stopped), the rest are adopted as they are. Instances still provisioning or
     * deleting are left to their workflow.
     */
    public Reconciliation reconcile() {
        List<String> adopted = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (var workload : context.runtime().list()) {
            seen.add(workload.instanceId());
            var instance = context.stores().instances().findById(workload.instanceId());
            if (instance.isEmpty() || instance.get().state() == InstanceState.DELETED) {
                context.runtime().remove(workload.instanceId());
                context.databases().drop(workload.instanceId());
                orphans.add(workload.instanceId());
                context.audit().recordSuccess(Actor.system(null), "instance.orphan-removed", ref(workload.instanceId()), Map.of(),
                        Map.of("known", Boolean.toString(instance.isPresent())));
            } else {
                adopted.add(workload.instanceId());
                if (instance.get().state() == InstanceState.SUSPENDED
                        && workload.state() == com.litedesk.ports.platform.WorkloadState.RUNNING) {
                    context.runtime().stop(workload.instanceId());
                }
            }
        }
        for (InstanceState state : new InstanceState[] {InstanceState.READY, InstanceState.DEGRADED, InstanceState.SUSPENDED}) {
            for (Instance instance : context.stores().instances()
                    .list(new Query(List.of(Condition.eq("state", state)), List.of(), null, 100_000)).items()) {
                if (seen.contains(instance.id())) {
                    continue;
                }
                try {
                    context.runtime().deploy(engine.specOf(instance));
                    if (state == InstanceState.SUSPENDED) {
                        context.runtime().stop(instance.id());
                    }
                    repaired.add(instance.id());
                } catch (LiteDeskException e) {
                    System.getLogger("litedesk.reconciliation").log(System.Logger.Level.WARNING,
                            "instance " + instance.subdomain() + " could not be deployed again: " + e.getMessage());
                }
            }
        }
        return new Reconciliation(adopted, orphans, repaired);
    }

    public List<Subscription> subscriptions(Actor actor) {
        context.access().requireViewer(actor, "subscription.list");
        return context.stores().subscriptions().list(new Query(List.of(), List.of(), null, 10_000)).items();
    }

    private Instance transition(String id, Set<InstanceState> from, InstanceState to, String reason) {
        Instant now = context.now();
        return PlatformContext.update(context.stores().instances(), id, "Instance", i -> {
            if (!from.contains(i.state())) {
                throw LiteDeskException.conflict("a " + i.state() + " instance cannot become " + to);
            }
            return i.withState(to, reason, now);
        });
    }

    static RecordRef ref(String id) {
        return new RecordRef(RecordType.INSTANCE, id);
    }
}
