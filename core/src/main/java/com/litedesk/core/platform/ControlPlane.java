package com.litedesk.core.platform;

import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.platform.context.PlatformAccess;
import com.litedesk.core.platform.context.PlatformSettings;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.access.Actor;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.identity.Users;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.platform.backups.Backups;
import com.litedesk.core.platform.demo.DemoRequests;
import com.litedesk.core.platform.instances.Instances;
import com.litedesk.core.platform.monitoring.Monitor;
import com.litedesk.core.platform.plans.Plan;
import com.litedesk.core.platform.plans.Plans;
import com.litedesk.core.platform.provisioning.InstanceSecrets;
import com.litedesk.core.platform.provisioning.ProvisioningEngine;
import com.litedesk.core.platform.provisioning.StepListener;
import com.litedesk.core.support.TimeOrderedIds;
import com.litedesk.core.identity.NewUser;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.identity.PasswordHasher;
import com.litedesk.ports.identity.TokenService;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.instance.OutboxMail;
import com.litedesk.ports.platform.BackupStore;
import com.litedesk.ports.platform.BillingProvider;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.DnsRegistrar;
import com.litedesk.ports.platform.InstanceAgent;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.PlatformRepositories;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The control plane as a Java library: demo requests, one-click conversion, the provisioning engine, the
 * instance lifecycle, plans, monitoring and backups, over the ports of a runtime, a database server, DNS, mail,
 * a backup store and billing. Platform admins are the accounts of the control plane's own store: they log in
 * through {@link #auth()} with a token service whose audience no instance shares.
 *
 * <pre>{@code
 * ControlPlane platform = ControlPlane.builder()
 *         .repositories(InMemoryPlatformRepositories.create())
 *         .runtime(runtime).databases(databases).dns(dns).agent(agent)
 *         .mailer(mailer).backupStore(store).billing(billing)
 *         .passwordHasher(hasher).tokenService(platformTokens).clock(Clock.systemUTC())
 *         .settings(PlatformSettings.local(8080))
 *         .build();
 * platform.start();
 * }</pre>
 *
 * Thread-safe; one per control-plane database. {@link #close()} stops background work.
 */
public final class ControlPlane implements AutoCloseable {

    private final LiteDesk accounts;
    private final PlatformContext context;
    private final ProvisioningEngine engine;
    private final DemoRequests demoRequests;
    private final Instances instances;
    private final Monitor monitor;
    private final Backups backups;
    private final String mailProvider;

    private ControlPlane(Builder b) {
        mailProvider = b.mailProvider;
        IdGenerator ids = b.ids == null ? new TimeOrderedIds(b.clock) : b.ids;
        accounts = LiteDesk.builder().repositories(b.repositories.accounts()).passwordHasher(b.passwordHasher)
                .tokenService(b.tokenService).mailer(b.mailer).clock(b.clock).ids(ids)
                .publicUrl(b.publicUrl).instanceName("LiteDesk control plane").build();
        AuditLog audit = accounts.audit();
        context = new PlatformContext(b.repositories, b.runtime, b.databases, b.dns, b.agent, b.mailer, b.backupStore, b.billing,
                b.settings, audit, new PlatformAccess(audit), ids, b.clock);
        InstanceSecrets secrets = new InstanceSecrets(b.repositories.accounts().secrets());
        engine = new ProvisioningEngine(context, secrets, b.listener);
        demoRequests = new DemoRequests(context);
        instances = new Instances(context, engine, secrets);
        monitor = new Monitor(context, secrets);
        backups = new Backups(context, engine);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the first platform admin on the first start; does nothing later. Returns that admin. */
    public User bootstrap(String adminEmail, String adminName, String adminPassword) {
        return accounts.bootstrapAccounts("LiteDesk control plane", adminEmail, adminName, adminPassword);
    }

    /**
     * Reconciles the runtime with the records (orphans removed, lost workloads deployed again), then resumes
     * unfinished provisioning and deletion — what a control plane does when it starts, after a crash too.
     */
    public com.litedesk.core.platform.instances.Reconciliation start() {
        var reconciliation = instances.reconcile();
        engine.resumeAll();
        return reconciliation;
    }

    public Actor actorOf(User admin) {
        return accounts.actorOf(admin);
    }

    /** Login, refresh, logout and password changes of platform admins. */
    public Authentication auth() {
        return accounts.auth();
    }

    /** Platform admin accounts: {@code Role.ADMIN} is platform-admin, {@code Role.VIEWER} platform-viewer. */
    public Users admins() {
        return accounts.users();
    }

    public DemoRequests demoRequests() {
        return demoRequests;
    }

    public Instances instances() {
        return instances;
    }

    public ProvisioningEngine provisioning() {
        return engine;
    }

    public Monitor monitor() {
        return monitor;
    }

    public Backups backups() {
        return backups;
    }

    public List<Plan> plans() {
        return Plans.all();
    }

    public PlatformSettings settings() {
        return context.settings();
    }

    /**
     * Runs {@code rotation} (which makes a new platform signing key and returns its id) for a platform admin, audited;
     * the keys themselves live with the token service, outside the core.
     */
    public String rotateSigningKey(Actor actor, java.util.function.Supplier<String> rotation) {
        context.access().requireAdmin(actor, "platform.signing-key.rotate", null);
        String kid = rotation.get();
        accounts.audit().recordSuccess(actor, "platform.signing-key.rotate", null, Map.of(), Map.of("kid", kid));
        return kid;
    }

    /** The control plane's audit log; platform viewers read it too. */
    public ListResult<AuditEntry> audit(Actor actor, ListRequest request) {
        context.access().requireViewer(actor, "audit.read");
        return accounts.audit().list(Actor.system(actor.requestId()), request);
    }

    public com.litedesk.core.audit.AuditVerification verifyAudit(Actor actor) {
        context.access().requireViewer(actor, "audit.verify");
        return accounts.audit().verify(Actor.system(actor.requestId()));
    }

    /**
     * The development outbox, newest first: the mail a provider would have delivered, links included. Platform
     * admins only (a viewer is refused, and audited); NOT_FOUND once a mail provider is configured, since delivered
     * mail is not kept readable.
     */
    public DevelopmentOutbox outbox(Actor actor, int limit) {
        context.access().requireAdmin(actor, "outbox.read", null);
        if (mailProvider != null) {
            throw new LiteDeskException(ErrorCode.NOT_FOUND, "there is no development outbox: mail is delivered by "
                    + mailProvider + ", and delivered mail is not kept readable");
        }
        List<OutboxMail> items = context.stores().accounts().outbox()
                .list(new Query(List.of(), List.of(SortKey.desc("sentAt"), SortKey.desc("id")), null, Math.max(1, Math.min(limit, 500))))
                .items();
        return new DevelopmentOutbox("development", DevelopmentOutbox.NOTE, items);
    }

    /** Whether a mail provider delivers mail (else it is kept in the development outbox). */
    public boolean deliversMail() {
        return mailProvider != null;
    }

    /** Refuses anyone but a platform admin {@code action}, auditing the refusal. */
    public void requireAdmin(Actor actor, String action) {
        context.access().requireAdmin(actor, action, null);
    }

    /**
     * Adds a platform account ({@code platform-admin} or {@code platform-viewer}), with a password or invited by
     * mail. Platform admins only; a viewer's attempt, and any other role asked for, is refused and audited.
     */
    public User addAdmin(Actor actor, String email, String name, String role, String password) {
        Map<String, String> asked = new LinkedHashMap<>();
        if (email != null) {
            asked.put("email", email.length() > 200 ? email.substring(0, 200) : email);
        }
        asked.put("role", role == null ? "" : role.length() > 50 ? role.substring(0, 50) : role);
        context.access().requireAdmin(actor, "admin.create", null, asked);
        Role stored = context.access().requireRoleName(actor, "admin.create", role, asked);
        return accounts.users().create(actor, new NewUser(email, name, stored, null, password));
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Assembles a {@link ControlPlane}; every port, the stores, the token service, the clock and settings are required. */
    public static final class Builder {
        private PlatformRepositories repositories;
        private InstanceRuntime runtime;
        private DatabaseProvisioner databases;
        private DnsRegistrar dns;
        private InstanceAgent agent;
        private Mailer mailer;
        private BackupStore backupStore;
        private BillingProvider billing;
        private PasswordHasher passwordHasher;
        private TokenService tokenService;
        private Clock clock;
        private IdGenerator ids;
        private PlatformSettings settings;
        private StepListener listener = StepListener.NONE;
        private String publicUrl = "http://localhost:8080";
        private String mailProvider;

        private Builder() {
        }

        public Builder repositories(PlatformRepositories v) { repositories = v; return this; }
        public Builder runtime(InstanceRuntime v) { runtime = v; return this; }
        public Builder databases(DatabaseProvisioner v) { databases = v; return this; }
        public Builder dns(DnsRegistrar v) { dns = v; return this; }
        public Builder agent(InstanceAgent v) { agent = v; return this; }
        public Builder mailer(Mailer v) { mailer = v; return this; }
        public Builder backupStore(BackupStore v) { backupStore = v; return this; }
        public Builder billing(BillingProvider v) { billing = v; return this; }
        public Builder passwordHasher(PasswordHasher v) { passwordHasher = v; return this; }
        /** Mints and checks platform admins' tokens: its audience must differ from every instance's. */
        public Builder tokenService(TokenService v) { tokenService = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder ids(IdGenerator v) { ids = v; return this; }
        public Builder settings(PlatformSettings v) { settings = v; return this; }
        public Builder listener(StepListener v) { listener = v; return this; }
        /** Where the console is reached (links in platform admins' invitation mails). */
        public Builder publicUrl(String v) { publicUrl = v; return this; }
        /**
         * The provider that delivers the mailer's mail (e.g. {@code ses}); unset (null) while mail is only kept in the
         * development outbox, which platform admins can then read.
         */
        public Builder mailProvider(String v) { mailProvider = v; return this; }

        public ControlPlane build() {
            Objects.requireNonNull(repositories, "repositories");
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(databases, "databases");
            Objects.requireNonNull(dns, "dns");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(mailer, "mailer");
            Objects.requireNonNull(backupStore, "backupStore");
            Objects.requireNonNull(billing, "billing");
            Objects.requireNonNull(passwordHasher, "passwordHasher");
            Objects.requireNonNull(tokenService, "tokenService");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(listener, "listener");
            if (tokenService.audience().startsWith("litedesk:instance:")) {
                throw new IllegalArgumentException("the control plane's token audience must not be an instance's");
            }
            return new ControlPlane(this);
        }
    }
}
