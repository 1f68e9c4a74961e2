package com.litedesk.core.platform;

import com.litedesk.core.platform.context.PlatformSettings;
import com.litedesk.core.MutableClock;
import com.litedesk.core.TestHasher;
import com.litedesk.core.TestMailer;
import com.litedesk.core.TestTokens;
import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.identity.NewUser;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.memory.InMemoryPlatformRepositories;
import com.litedesk.core.platform.demo.DemoRequestDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.util.Map;
import com.litedesk.ports.platform.DemoRequestState;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.PlatformRepositories;
import com.litedesk.ports.platform.StepName;
import com.litedesk.ports.platform.StepState;
import com.litedesk.ports.platform.SubscriptionStatus;
import com.litedesk.ports.platform.WorkloadState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The control plane through its Java API, with in-memory stores and fake ports. */
class ControlPlaneTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final FakePorts ports = new FakePorts(clock);
    private final TestMailer mailer = new TestMailer();
    private final PlatformRepositories stores = InMemoryPlatformRepositories.create();
    private final ControlPlane platform = ControlPlane.builder()
            .repositories(stores).runtime(ports.runtime).databases(ports.databaseProvisioner).dns(ports.dns).agent(ports.agent)
            .mailer(mailer).backupStore(ports.backupStore).billing(ports.billing)
            .passwordHasher(new TestHasher()).tokenService(new TestTokens("platform-key", "litedesk:platform", clock)).clock(clock)
            .settings(new PlatformSettings("localhost", "http", 8080, "127.0.0.1", 3, Duration.ofMillis(5), Duration.ofMillis(20),
                    Duration.ofSeconds(5), Duration.ofSeconds(2), 5, 3, 8, Duration.ofDays(7)))
            .build();
    private final Actor admin = platform.actorOf(platform.bootstrap("admin@litedesk.test", "Ada Admin", "correct-horse-battery"));
    private final Actor viewer = platform.actorOf(platform.admins().create(admin,
            new NewUser("viewer@litedesk.test", "Vic Viewer", Role.VIEWER, null, "correct-horse-battery")));

    @AfterEach
    void close() {
        platform.close();
    }

    private static DemoRequestDraft draft(String email, String subdomain) {
        return new DemoRequestDraft("Acme Ltd", "Ada Lovelace", email, "+44 20 7946 0958", "11-50", "Software", subdomain, "Show me");
    }

    private String convertAndWait(String subdomain) {
        var request = platform.demoRequests().submit(draft("ada@" + subdomain + ".test", subdomain), "req");
        String id = platform.instances().convert(admin, request.id());
        await(id, Set.of(InstanceState.READY, InstanceState.FAILED));
        return id;
    }

    private void await(String id, Set<InstanceState> states) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!states.contains(stores.instances().findById(id).orElseThrow().state())) {
            clock.advance(Duration.ofMillis(100)); // time passes for back-off delays
            if (System.nanoTime() > deadline) {
                throw new AssertionError("instance " + id + " stayed " + stores.instances().findById(id).orElseThrow().state()
                        + ": " + stores.workflows().findById(id));
            }
            Thread.yield();
        }
        while (platform.provisioning().isWorkingOn(id)) {
            Thread.onSpinWait();
        }
    }

    private static void fails(Executable call, ErrorCode code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aDemoRequestIsValidatedFieldByField() {
        assertThatThrownBy(() -> platform.demoRequests().submit(
                new DemoRequestDraft("", null, "not-an-email", "call me", "huge", null, "Acme_", "x".repeat(2001)), "r"))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .contains("companyName", "contactName", "email", "phone", "companySize", "subdomain", "message"));
        assertThat(stores.demoRequests().count(List.of())).isZero();
    }

    @Test
    void reservedAndTakenSubdomainsAreRefused() {
        fails(() -> platform.demoRequests().submit(draft("a@x.test", "admin"), "r"), ErrorCode.VALIDATION);
        platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        assertThatThrownBy(() -> platform.demoRequests().submit(draft("bob@other.test", "acme"), "r"))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.errors()).extracting(f -> f.message()).contains("is taken"));
        assertThat(platform.demoRequests().availability("acme").available()).isFalse();
        assertThat(platform.demoRequests().availability("globex").available()).isTrue();
        assertThat(platform.demoRequests().availability("www").reason()).isEqualTo("is reserved");
    }

    private static DemoRequestDraft other(String email, String company, String subdomain) {
        return new DemoRequestDraft(company, "Mallory", email, null, null, null, subdomain, "taken over");
    }

    private String confirmationToken(String to) {
        var mail = mailer.sent.stream().filter(m -> m.to().equals(to) && m.text().contains("?confirm=")).reduce((a, b) -> b).orElseThrow();
        var m = java.util.regex.Pattern.compile("\\?confirm=([A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aRepeatFromOneEmailChangesNothingUntilConfirmedThroughTheLinkMailedToThatAddress() {
        var first = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        assertThat(first.state()).isEqualTo(DemoRequestState.NEW);
        assertThat(mailer.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ada@acme.test");
            assertThat(m.subject()).contains("received");
        });

        var held = platform.demoRequests().submit(other("ADA@acme.test", "Mallory Inc", "mallory"), "r");

        assertThat(held.state()).isEqualTo(DemoRequestState.UNCONFIRMED);
        assertThat(held.id()).isNotEqualTo(first.id());
        var open = stores.demoRequests().findById(first.id()).orElseThrow();
        assertThat(open).isEqualTo(first); // untouched
        assertThat(platform.demoRequests().list(admin, new ListRequest(null, null, null, null, 50)).items())
                .extracting(r -> r.id()).containsExactly(first.id());
        fails(() -> platform.demoRequests().get(admin, held.id()), ErrorCode.NOT_FOUND);
        fails(() -> platform.instances().convert(admin, held.id()), ErrorCode.NOT_FOUND);
        assertThat(mailer.sent).hasSize(2).last().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ada@acme.test");
            assertThat(m.text()).contains("http://localhost:8080/?confirm=").contains("mallory.localhost");
        });
        assertThat(platform.demoRequests().availability("mallory").available()).isFalse(); // held while it may be confirmed

        var confirmed = platform.demoRequests().confirm(confirmationToken("ada@acme.test"), "r");

        assertThat(confirmed.id()).isEqualTo(first.id());
        assertThat(confirmed.companyName()).isEqualTo("Mallory Inc");
        assertThat(confirmed.subdomain()).isEqualTo("mallory");
        assertThat(confirmed.submissions()).isEqualTo(2);
        assertThat(confirmed.state()).isEqualTo(DemoRequestState.NEW);
        assertThat(stores.demoRequests().findById(held.id())).isEmpty();
        assertThat(stores.demoRequests().count(List.of())).isEqualTo(1);
        assertThat(platform.demoRequests().availability("acme").available()).isTrue();
        String used = confirmationToken("ada@acme.test");
        fails(() -> platform.demoRequests().confirm(used, "r"), ErrorCode.VALIDATION); // the link works once
        assertThat(platform.audit(admin, new ListRequest(null, null, null, null, 50)).items()).extracting(e -> e.action())
                .contains("demo-request.create", "demo-request.hold", "demo-request.merge");
    }

    @Test
    void anUnconfirmedRepeatReleasesItsSubdomainAfterTheHoldAndItsLinkStopsWorking() {
        platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        platform.demoRequests().submit(other("ada@acme.test", "Acme", "acme-two"), "r");
        String token = confirmationToken("ada@acme.test");
        fails(() -> platform.demoRequests().submit(draft("bob@other.test", "acme-two"), "r"), ErrorCode.VALIDATION);

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThat(platform.demoRequests().availability("acme-two").available()).isTrue(); // released without anyone acting
        fails(() -> platform.demoRequests().confirm(token, "r"), ErrorCode.VALIDATION);
        assertThat(platform.demoRequests().releaseUnconfirmed()).isEqualTo(1);
        assertThat(platform.demoRequests().releaseUnconfirmed()).isZero();
        assertThat(stores.demoRequests().count(List.of())).isEqualTo(1);
        assertThat(platform.demoRequests().submit(draft("bob@other.test", "acme-two"), "r").state()).isEqualTo(DemoRequestState.NEW);
    }

    @Test
    void onlyTheNewestConfirmationLinkOfAnAddressWorks() {
        var first = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        platform.demoRequests().submit(other("ada@acme.test", "One", "one-name"), "r");
        String older = confirmationToken("ada@acme.test");
        platform.demoRequests().submit(other("ada@acme.test", "Two", "two-name"), "r");
        String newer = confirmationToken("ada@acme.test");

        fails(() -> platform.demoRequests().confirm(older, "r"), ErrorCode.VALIDATION);
        assertThat(platform.demoRequests().availability("one-name").available()).isTrue();
        assertThat(platform.demoRequests().confirm(newer, "r").subdomain()).isEqualTo("two-name");
        assertThat(stores.demoRequests().findById(first.id()).orElseThrow().companyName()).isEqualTo("Two");
        fails(() -> platform.demoRequests().confirm("not-a-token", "r"), ErrorCode.VALIDATION);
        fails(() -> platform.demoRequests().confirm(null, "r"), ErrorCode.VALIDATION);
    }

    @Test
    void aConfirmedRepeatWhoseRequestWasDecidedMeanwhileBecomesARequestOfItsOwn() {
        var first = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        platform.demoRequests().submit(other("ada@acme.test", "Acme Two", "acme-two"), "r");
        platform.demoRequests().reject(admin, first.id(), "not now");

        var created = platform.demoRequests().confirm(confirmationToken("ada@acme.test"), "r");

        assertThat(created.id()).isNotEqualTo(first.id());
        assertThat(created.state()).isEqualTo(DemoRequestState.NEW);
        assertThat(created.subdomain()).isEqualTo("acme-two");
        assertThat(stores.demoRequests().findById(first.id()).orElseThrow().state()).isEqualTo(DemoRequestState.REJECTED);
        assertThat(platform.demoRequests().list(admin, new ListRequest(null, null, null, null, 50)).items()).hasSize(2);
        String convertedId = platform.instances().convert(admin, created.id());
        await(convertedId, Set.of(InstanceState.READY, InstanceState.FAILED));
        assertThat(stores.instances().findById(convertedId).orElseThrow().subdomain()).isEqualTo("acme-two");
    }

    @Test
    void aRepeatConfirmedPastItsHoldIsRefusedAndLeavesTheSubdomainToWhoeverAskedSince() {
        var first = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        platform.demoRequests().submit(other("ada@acme.test", "Acme", "contested"), "r");
        String token = confirmationToken("ada@acme.test");
        clock.advance(Duration.ofHours(25)); // the hold passed, someone else asked for it
        platform.demoRequests().submit(draft("bob@other.test", "contested"), "r");

        fails(() -> platform.demoRequests().confirm(token, "r"), ErrorCode.VALIDATION);
        assertThat(stores.demoRequests().findById(first.id()).orElseThrow().subdomain()).isEqualTo("acme");
        assertThat(platform.demoRequests().list(admin, new ListRequest(null, null, null, null, 50)).items())
                .extracting(r -> r.email()).containsExactlyInAnyOrder("ada@acme.test", "bob@other.test");
    }

    @Test
    void requestsMoveThroughTheirStatesAndARejectedOneCannotBeConverted() {
        var request = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        assertThat(platform.demoRequests().markContacted(admin, request.id()).state()).isEqualTo(DemoRequestState.CONTACTED);
        assertThat(platform.demoRequests().qualify(admin, request.id()).state()).isEqualTo(DemoRequestState.QUALIFIED);
        assertThat(platform.demoRequests().reject(admin, request.id(), "not a fit").state()).isEqualTo(DemoRequestState.REJECTED);
        fails(() -> platform.instances().convert(admin, request.id()), ErrorCode.CONFLICT);
        fails(() -> platform.demoRequests().qualify(admin, request.id()), ErrorCode.CONFLICT);
        assertThat(stores.instances().count(List.of())).isZero();
    }

    @Test
    void conversionProvisionsEveryStepOnceAndMailsTheOwnerASetPasswordLink() {
        String id = convertAndWait("acme");

        var instance = stores.instances().findById(id).orElseThrow();
        assertThat(instance.state()).isEqualTo(InstanceState.READY);
        assertThat(instance.planId()).isEqualTo("trial");
        var workflow = platform.instances().provisioning(viewer, id);
        assertThat(workflow.steps()).extracting(s -> s.name()).containsExactly(StepName.DATABASE, StepName.SECRETS,
                StepName.WORKLOAD, StepName.DNS, StepName.WAIT_HEALTHY, StepName.SEED, StepName.INVITATION);
        assertThat(workflow.steps()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(StepState.DONE);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.durationMillis()).isNotNull();
        });
        assertThat(ports.dnsRecords).containsEntry("acme.localhost", "127.0.0.1");
        assertThat(ports.apps.get(id).users().owner().orElseThrow().email()).isEqualTo("ada@acme.test");
        assertThat(ports.apps.get(id).settings().current().limits().seats()).isEqualTo(3);
        assertThat(mailer.sent).filteredOn(m -> m.text().contains("set-password")).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ada@acme.test");
            assertThat(m.text()).contains("http://acme.localhost:8080/set-password?token=");
        });
        var subscription = stores.subscriptions().findById(instance.subscriptionId()).orElseThrow();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.TRIALING);
        assertThat(subscription.trialEndsAt()).isEqualTo(Instant.parse("2026-03-16T09:00:00Z"));
        assertThat(ports.billingCalls).containsExactly("register " + id);
    }

    @Test
    void convertingTwiceEvenAtTheSameMomentCreatesOneInstance() throws Exception {
        var request = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        var start = new CountDownLatch(1);
        List<Future<String>> clicks = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                clicks.add(threads.submit(() -> {
                    start.await();
                    return platform.instances().convert(admin, request.id());
                }));
            }
            start.countDown();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            for (var click : clicks) {
                ids.add(click.get());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(platform.instances().convert(admin, request.id())).isEqualTo(request.id());
        assertThat(stores.instances().count(List.of())).isEqualTo(1);
        assertThat(stores.customers().count(List.of())).isEqualTo(1);
        assertThat(stores.subscriptions().count(List.of())).isEqualTo(1);
        await(request.id(), Set.of(InstanceState.READY));
        assertThat(ports.workloads).hasSize(1);
        assertThat(mailer.sent).filteredOn(m -> m.text().contains("set-password")).hasSize(1);
    }

    @Test
    void aFailingStepIsRetriedWithBackOffAndItsErrorsAreRecorded() {
        ports.dnsFailuresLeft.set(2);
        String id = convertAndWait("acme");

        assertThat(stores.instances().findById(id).orElseThrow().state()).isEqualTo(InstanceState.READY);
        var dns = platform.instances().provisioning(admin, id).steps().stream().filter(s -> s.name() == StepName.DNS).findFirst().orElseThrow();
        assertThat(dns.attempts()).isEqualTo(3);
        assertThat(dns.lastError()).contains("503");
        assertThat(dns.state()).isEqualTo(StepState.DONE);
    }

    @Test
    void aStepThatKeepsFailingFailsTheInstanceUntilAnAdminRetries() {
        ports.dnsFailuresLeft.set(3);
        String id = convertAndWait("acme");

        var failed = stores.instances().findById(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(InstanceState.FAILED);
        assertThat(failed.stateReason()).contains("DNS").contains("3 attempts");
        assertThat(platform.instances().provisioning(admin, id).failed()).isTrue();
        fails(() -> platform.instances().resume(admin, id), ErrorCode.CONFLICT);

        platform.instances().retry(admin, id);
        await(id, Set.of(InstanceState.READY, InstanceState.FAILED));
        assertThat(stores.instances().findById(id).orElseThrow().state()).isEqualTo(InstanceState.READY);
        assertThat(ports.deployCalls.get()).isEqualTo(1);
    }

    @Test
    void suspendResumeAndDeleteWithClearConflicts() {
        String id = convertAndWait("acme");

        platform.instances().suspend(admin, id, null);
        assertThat(ports.workloads.get(id).state()).isEqualTo(WorkloadState.STOPPED);
        fails(() -> platform.instances().suspend(admin, id, null), ErrorCode.CONFLICT);
        platform.instances().resume(admin, id);
        assertThat(ports.workloads.get(id).state()).isEqualTo(WorkloadState.RUNNING);

        platform.instances().delete(admin, id);
        await(id, Set.of(InstanceState.DELETED));
        assertThat(ports.workloads).doesNotContainKey(id);
        assertThat(ports.databases).doesNotContainKey(id);
        assertThat(ports.dnsRecords).doesNotContainKey("acme.localhost");
        assertThat(stores.accounts().secrets().findById("instance/" + id + "/signing-key")).isEmpty();
        assertThat(stores.subscriptions().findById(id).orElseThrow().status()).isEqualTo(SubscriptionStatus.CANCELED);
        fails(() -> platform.instances().delete(admin, id), ErrorCode.CONFLICT);
        fails(() -> platform.instances().resume(admin, id), ErrorCode.CONFLICT);
        assertThat(platform.audit(admin, new ListRequest(null, null, null, null, 200)).items())
                .extracting(e -> e.action()).contains("instance.convert", "instance.ready", "instance.suspend", "instance.resume",
                        "instance.delete", "instance.deleted");
        // the subdomain is free again
        assertThat(platform.demoRequests().availability("acme").available()).isTrue();
    }

    @Test
    void startingReconcilesTheRuntimeWithTheRecords() {
        String acme = convertAndWait("acme");
        String globex = convertAndWait("globex");
        platform.instances().suspend(admin, globex, null);
        ports.workloads.remove(acme); // lost with a crash or removed by hand
        ports.workloads.remove(globex);
        ports.databaseProvisioner.create("stray");
        ports.workloads.put("stray", new com.litedesk.ports.platform.Workload("stray", "memory://stray", WorkloadState.RUNNING, null));

        var reconciliation = platform.start();

        assertThat(reconciliation.removedOrphans()).containsExactly("stray");
        assertThat(reconciliation.repaired()).containsExactlyInAnyOrder(acme, globex);
        assertThat(ports.workloads).doesNotContainKey("stray");
        assertThat(ports.databases).doesNotContainKey("stray");
        assertThat(ports.workloads.get(acme).state()).isEqualTo(WorkloadState.RUNNING);
        assertThat(ports.workloads.get(globex).state()).isEqualTo(WorkloadState.STOPPED);
        assertThat(platform.audit(admin, new ListRequest(null, null, null, null, 200)).items())
                .extracting(e -> e.action()).contains("instance.orphan-removed");
    }

    @Test
    void aViewerReadsButEveryChangeIsRefusedAndAudited() {
        var request = platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r");
        fails(() -> platform.instances().convert(viewer, request.id()), ErrorCode.FORBIDDEN);
        fails(() -> platform.demoRequests().qualify(viewer, request.id()), ErrorCode.FORBIDDEN);
        assertThat(platform.demoRequests().list(viewer, new ListRequest(null, null, null, null, 50)).items()).hasSize(1);
        assertThat(platform.audit(admin, new ListRequest(null, null, null, null, 50)).items())
                .filteredOn(e -> e.outcome() == AuditOutcome.DENIED).extracting(e -> e.action())
                .contains("instance.convert", "demo-request.qualify");
        assertThat(stores.instances().count(List.of())).isZero();
    }

    @Test
    void theDevelopmentOutboxSaysWhatItIsAndIsGoneOnceAMailProviderDelivers() {
        var outbox = platform.outbox(admin, 10);
        assertThat(outbox.mode()).isEqualTo("development");
        assertThat(outbox.note()).contains("No mail provider is configured").contains("only platform admins");
        assertThat(platform.deliversMail()).isFalse();

        try (ControlPlane delivering = ControlPlane.builder()
                .repositories(InMemoryPlatformRepositories.create()).runtime(ports.runtime).databases(ports.databaseProvisioner).dns(ports.dns)
                .agent(ports.agent).mailer(mailer).backupStore(ports.backupStore).billing(ports.billing)
                .passwordHasher(new TestHasher()).tokenService(new TestTokens("platform-key", "litedesk:platform", clock)).clock(clock)
                .settings(PlatformSettings.local(8080)).mailProvider("ses").build()) {
            Actor owner = delivering.actorOf(delivering.bootstrap("admin@litedesk.test", "Ada Admin", "correct-horse-battery"));
            assertThat(delivering.deliversMail()).isTrue();
            assertThatThrownBy(() -> delivering.outbox(owner, 10)).isInstanceOfSatisfying(LiteDeskException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.getMessage()).contains("no development outbox").contains("ses");
            });
        }
    }

    /** One refused control-plane action: what it does, as whom, and what the audit log must then say. */
    record Refusal(String name, boolean asViewer, ErrorCode code, String action, RecordType targetType, Map<String, String> asked,
                   java.util.function.BiFunction<ControlPlaneTest, Actor, Attempt> attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static java.util.stream.Stream<Refusal> refusedPlatformActions() {
        return java.util.stream.Stream.of(
                new Refusal("a viewer adds a platform admin", true, ErrorCode.FORBIDDEN, "admin.create", null,
                        Map.of("email", "eve@litedesk.test", "role", "platform-admin"),
                        (t, a) -> attempt(null, () -> t.platform.addAdmin(a, "eve@litedesk.test", "Eve", "platform-admin", "correct-horse-battery"))),
                new Refusal("an admin adds an account with a role beyond platform-admin", false, ErrorCode.VALIDATION, "admin.create", null,
                        Map.of("email", "eve@litedesk.test", "role", "platform-owner"),
                        (t, a) -> attempt(null, () -> t.platform.addAdmin(a, "eve@litedesk.test", "Eve", "platform-owner", "correct-horse-battery"))),
                new Refusal("an admin adds an account as OWNER", false, ErrorCode.VALIDATION, "admin.create", null, Map.of("role", "OWNER"),
                        (t, a) -> attempt(null, () -> t.platform.addAdmin(a, "eve@litedesk.test", "Eve", "OWNER", null))),
                new Refusal("a viewer adds an account through the account store", true, ErrorCode.FORBIDDEN, "users.create", null,
                        Map.of("email", "eve@litedesk.test", "role", "ADMIN"), (t, a) -> attempt(null,
                        () -> t.platform.admins().create(a, new NewUser("eve@litedesk.test", "Eve", Role.ADMIN, null, "correct-horse-battery")))),
                new Refusal("a viewer makes themselves an admin", true, ErrorCode.FORBIDDEN, "users.edit", RecordType.USER, Map.of("role", "ADMIN"),
                        (t, a) -> {
                            var me = t.platform.admins().require(a.userId());
                            return attempt(me.id(), () -> t.platform.admins().update(a, me.id(), null,
                                    new com.litedesk.core.identity.UserDraft(me.name(), Role.ADMIN, null, true)));
                        }),
                new Refusal("an admin makes another admin the owner", false, ErrorCode.VALIDATION, "users.edit", RecordType.USER,
                        Map.of("role", "OWNER"), (t, a) -> {
                    var other = t.platform.addAdmin(a, "olga@litedesk.test", "Olga", "platform-admin", "correct-horse-battery");
                    return attempt(other.id(), () -> t.platform.admins().update(a, other.id(), null,
                            new com.litedesk.core.identity.UserDraft("Olga", Role.OWNER, null, true)));
                }),
                new Refusal("a viewer reads the development outbox", true, ErrorCode.FORBIDDEN, "outbox.read", null, Map.of(),
                        (t, a) -> attempt(null, () -> t.platform.outbox(a, 10))),
                new Refusal("a viewer converts a demo request", true, ErrorCode.FORBIDDEN, "instance.convert", RecordType.DEMO_REQUEST, Map.of(),
                        (t, a) -> {
                            String id = t.platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r").id();
                            return attempt(id, () -> t.platform.instances().convert(a, id));
                        }),
                new Refusal("a viewer rejects a demo request", true, ErrorCode.FORBIDDEN, "demo-request.reject", RecordType.DEMO_REQUEST, Map.of(),
                        (t, a) -> {
                            String id = t.platform.demoRequests().submit(draft("ada@acme.test", "acme"), "r").id();
                            return attempt(id, () -> t.platform.demoRequests().reject(a, id, "no"));
                        }),
                new Refusal("a viewer suspends an instance", true, ErrorCode.FORBIDDEN, "instance.suspend", RecordType.INSTANCE, Map.of(),
                        (t, a) -> {
                            String id = t.convertAndWait("acme");
                            return attempt(id, () -> t.platform.instances().suspend(a, id, "x"));
                        }),
                new Refusal("a viewer deletes an instance", true, ErrorCode.FORBIDDEN, "instance.delete", RecordType.INSTANCE, Map.of(),
                        (t, a) -> {
                            String id = t.convertAndWait("acme");
                            return attempt(id, () -> t.platform.instances().delete(a, id));
                        }),
                new Refusal("a viewer changes a plan", true, ErrorCode.FORBIDDEN, "instance.plan", RecordType.INSTANCE, Map.of(),
                        (t, a) -> {
                            String id = t.convertAndWait("acme");
                            return attempt(id, () -> t.platform.instances().changePlan(a, id, "enterprise"));
                        }),
                new Refusal("a viewer rotates an instance's signing key", true, ErrorCode.FORBIDDEN, "instance.signing-key.rotate",
                        RecordType.INSTANCE, Map.of(), (t, a) -> {
                            String id = t.convertAndWait("acme");
                            return attempt(id, () -> t.platform.instances().rotateSigningKey(a, id));
                        }),
                new Refusal("a viewer rotates the platform's signing key", true, ErrorCode.FORBIDDEN, "platform.signing-key.rotate", null,
                        Map.of(), (t, a) -> attempt(null, () -> t.platform.rotateSigningKey(a, () -> "kid"))),
                new Refusal("a viewer takes a backup", true, ErrorCode.FORBIDDEN, "backup.create", RecordType.INSTANCE, Map.of(),
                        (t, a) -> {
                            String id = t.convertAndWait("acme");
                            return attempt(id, () -> t.platform.backups().create(a, id, "manual"));
                        }));
    }

    /** A refused call and the id of the record it aims at (null for none). */
    record Attempt(String target, Runnable call) {
    }

    private static Attempt attempt(String target, Runnable call) {
        return new Attempt(target, call);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("refusedPlatformActions")
    void everyRefusedPlatformActionIsAuditedAsDeniedWithItsActorActionAndTarget(Refusal r) {
        Actor actor = r.asViewer() ? viewer : admin;
        Attempt attempt = r.attempt().apply(this, actor);
        assertThatThrownBy(attempt.call()::run)
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(r.code()));

        var denied = platform.audit(admin, new ListRequest("outcome[eq]:\"DENIED\"", null, null, null, 50)).items();
        assertThat(denied).as("one refusal, one entry").hasSize(1);
        var entry = denied.getFirst();
        assertThat(entry.actorId()).isEqualTo(actor.userId());
        assertThat(entry.action()).isEqualTo(r.action());
        if (r.targetType() == null) {
            assertThat(entry.record()).isNull();
        } else {
            assertThat(entry.record()).isEqualTo(new com.litedesk.ports.crm.RecordRef(r.targetType(), attempt.target()));
        }
        assertThat(entry.after()).containsAllEntriesOf(r.asked());
    }

    @Test
    void aPlanChangeReachesTheRunningInstanceAndTheTrialExpiresAfterItsGracePeriod() {
        String id = convertAndWait("acme");
        String other = convertAndWait("globex");
        // the runtime is told how big the workload is, never which plan that is
        assertThat(ports.specs.get(id).size()).isEqualTo(com.litedesk.core.platform.plans.Plans.get("trial").size())
                .isEqualTo(new com.litedesk.ports.platform.WorkloadSize(384, 0.5, 256, 0.1));
        platform.instances().changePlan(admin, other, "professional");
        assertThat(ports.apps.get(other).settings().current().limits().seats()).isEqualTo(25);
        assertThat(stores.subscriptions().findById(other).orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);

        clock.advance(Duration.ofDays(15 + 6));
        assertThat(platform.instances().expireTrials()).isZero();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(platform.instances().expireTrials()).isEqualTo(1);

        var expired = stores.instances().findById(id).orElseThrow();
        assertThat(expired.state()).isEqualTo(InstanceState.SUSPENDED);
        assertThat(expired.stateReason()).contains("trial ended");
        assertThat(ports.workloads.get(id).state()).isEqualTo(WorkloadState.STOPPED);
        fails(() -> platform.instances().resume(admin, id), ErrorCode.CONFLICT);
        platform.instances().changePlan(admin, id, "starter");
        platform.instances().resume(admin, id);
        assertThat(stores.instances().findById(other).orElseThrow().state()).isEqualTo(InstanceState.READY);
    }

    @Test
    void threeFailedChecksDegradeAnInstanceAndAGoodOneRestoresIt() {
        String id = convertAndWait("acme");
        ports.healthy = false;
        platform.monitor().checkHealth();
        platform.monitor().checkHealth();
        assertThat(stores.instances().findById(id).orElseThrow().state()).isEqualTo(InstanceState.READY);
        platform.monitor().checkHealth();
        var degraded = stores.instances().findById(id).orElseThrow();
        assertThat(degraded.state()).isEqualTo(InstanceState.DEGRADED);
        assertThat(degraded.health().consecutiveFailures()).isEqualTo(3);
        assertThat(platform.monitor().summary().unhealthy()).isEqualTo(1);

        ports.healthy = true;
        platform.monitor().checkHealth();
        assertThat(stores.instances().findById(id).orElseThrow().state()).isEqualTo(InstanceState.READY);
        for (int i = 0; i < 4; i++) {
            platform.monitor().checkHealth();
        }
        assertThat(platform.monitor().history(viewer, id).health()).hasSize(5); // the retention limit
    }

    @Test
    void usageIsCollectedAndAggregatedPerPlanAndState() {
        String id = convertAndWait("acme");
        var app = ports.apps.get(id);
        var owner = app.actorOf(app.users().owner().orElseThrow());
        app.contacts().create(owner, ContactDraft.named("Grace", "Hopper", "grace@navy.test"));
        convertAndWait("globex");

        assertThat(platform.monitor().collectUsage()).isEqualTo(2);
        var metrics = platform.monitor().aggregated(viewer);
        assertThat(metrics.totals().instances()).isEqualTo(2);
        assertThat(metrics.totals().contacts()).isEqualTo(1);
        assertThat(metrics.totals().users()).isEqualTo(2);
        assertThat(metrics.byPlan().get("trial").instances()).isEqualTo(2);
        assertThat(metrics.byState().get("READY").contacts()).isEqualTo(1);
        assertThat(platform.monitor().history(admin, id).usage()).singleElement()
                .satisfies(u -> assertThat(u.contacts()).isEqualTo(1));
    }

    @Test
    void aBackupRestoresIntoANewInstanceWithItsOwnSubdomain() {
        String id = convertAndWait("acme");
        var app = ports.apps.get(id);
        var owner = app.actorOf(app.users().owner().orElseThrow());
        app.contacts().create(owner, ContactDraft.named("Grace", "Hopper", "grace@navy.test"));

        var backup = platform.backups().create(admin, id, "manual");
        assertThat(backup.documents()).isEqualTo(1);
        assertThat(platform.backups().list(viewer, id)).extracting(b -> b.id()).containsExactly(backup.id());
        fails(() -> platform.backups().restore(admin, id, backup.id(), "acme"), ErrorCode.VALIDATION);

        String copy = platform.backups().restore(admin, id, backup.id(), "acme-copy");
        await(copy, Set.of(InstanceState.READY, InstanceState.FAILED));
        assertThat(stores.instances().findById(copy).orElseThrow().state()).isEqualTo(InstanceState.READY);
        assertThat(ports.apps.get(copy).contacts().list(owner, new ListRequest(null, null, null, null, 10)).items())
                .extracting(c -> c.lastName()).containsExactly("Hopper");
        assertThat(mailer.sent).filteredOn(m -> m.text().contains("set-password")).hasSize(2).last() // the restored Owner has no password yet: invited to the copy too
                .satisfies(m -> assertThat(m.text()).contains("http://acme-copy.localhost:8080/set-password?token="));
    }

    @Test
    void backupsPastRetentionAreDeletedButEachInstancesNewestIsKept() {
        String acme = convertAndWait("acme");
        String globex = convertAndWait("globex");
        var oldAcme = platform.backups().create(admin, acme, "scheduled");
        var onlyGlobex = platform.backups().create(admin, globex, "scheduled");
        clock.advance(Duration.ofDays(20));
        var middleAcme = platform.backups().create(admin, acme, "scheduled");
        clock.advance(Duration.ofDays(15));
        var newAcme = platform.backups().create(admin, acme, "manual");

        assertThat(platform.backups().prune(Duration.ofDays(30))).isEqualTo(1);

        assertThat(platform.backups().list(viewer, acme)).extracting(b -> b.id()).containsExactlyInAnyOrder(middleAcme.id(), newAcme.id());
        assertThat(platform.backups().list(viewer, globex)).extracting(b -> b.id()).containsExactly(onlyGlobex.id());
        assertThat(ports.backupFiles).doesNotContainKey(oldAcme.storeKey()).containsKeys(middleAcme.storeKey(), newAcme.storeKey(),
                onlyGlobex.storeKey());
        assertThat(platform.backups().prune(Duration.ofDays(30))).isZero();
    }
}
