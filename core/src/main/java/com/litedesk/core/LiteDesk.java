package com.litedesk.core;

import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Actor;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.crm.activities.Activities;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.crm.deals.Deals;
import com.litedesk.core.crm.notes.Notes;
import com.litedesk.core.crm.pipelines.Pipelines;
import com.litedesk.core.crm.search.CrmKinds;
import com.litedesk.core.crm.search.GlobalSearch;
import com.litedesk.core.crm.search.RecentRecords;
import com.litedesk.core.crm.search.RecordSummaries;
import com.litedesk.core.crm.tasks.Tasks;
import com.litedesk.core.crm.timeline.Timeline;
import com.litedesk.core.crm.transfer.Exports;
import com.litedesk.core.crm.transfer.Imports;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.identity.Invitations;
import com.litedesk.core.identity.PasswordResets;
import com.litedesk.core.identity.Teams;
import com.litedesk.core.identity.Users;
import com.litedesk.core.notifications.Notifications;
import com.litedesk.core.notifications.TaskReminders;
import com.litedesk.core.records.Guard;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.settings.Settings;
import com.litedesk.core.support.TimeOrderedIds;
import com.litedesk.core.usage.UsageMetrics;
import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.identity.PasswordHasher;
import com.litedesk.ports.identity.TokenService;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.instance.PlanLimits;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * One LiteDesk instance — a customer's CRM — as a Java library. Give it its stores and the few
 * services it needs from outside, then call the use cases; every call takes the {@link Actor}
 * doing it and is checked, validated and audited exactly as over HTTP.
 *
 * <pre>{@code
 * LiteDesk crm = LiteDesk.builder()
 *         .repositories(InMemoryInstanceRepositories.create())
 *         .passwordHasher(hasher).tokenService(tokens).mailer(mailer)
 *         .clock(Clock.systemUTC())
 *         .build();
 * User owner = crm.bootstrap("Acme", "owner@acme.test", "Olivia Owner", "a-long-password");
 * Actor me = crm.actorOf(owner);
 * crm.contacts().create(me, ContactDraft.named("Ada", "Lovelace", "ada@example.com"));
 * }</pre>
 *
 * Thread-safe; one object per instance database.
 */
public final class LiteDesk {

    private final Authentication auth;
    private final Invitations invitations;
    private final PasswordResets passwordResets;
    private final Users users;
    private final Teams teams;
    private final Contacts contacts;
    private final Companies companies;
    private final Pipelines pipelines;
    private final Deals deals;
    private final Tasks tasks;
    private final Notes notes;
    private final Activities activities;
    private final com.litedesk.core.crm.dashboards.Dashboards dashboards;
    private final Notifications notifications;
    private final TaskReminders reminders;
    private final Timeline timeline;
    private final com.litedesk.core.crm.views.SavedViews savedViews;
    private final AuditLog audit;
    private final Settings settings;
    private final Imports imports;
    private final Exports exports;
    private final UsageMetrics usage;
    private final GlobalSearch search;
    private final RecentRecords recent;

    private final com.litedesk.core.crm.duplicates.Duplicates duplicates;
    private final com.litedesk.core.crm.duplicates.Merges merges;

    private final AccessPolicy policy;

    private LiteDesk(Builder b) {
        InstanceRepositories given = b.repositories;
        // the settings record is read by every request and every imported row: remembered, not read each time
        InstanceRepositories r = new InstanceRepositories(given.contacts(), given.companies(), given.pipelines(), given.deals(),
                given.tasks(), given.notes(), given.activities(), given.notifications(), given.users(), given.teams(), given.credentials(), given.refreshTokens(),
                given.oneTimeTokens(), given.audit(), new com.litedesk.core.settings.RememberedSettings(given.settings(), b.clock),
                given.outbox(), given.secrets(), given.idempotency(), given.recentViews(), given.savedViews(), given.deletedRecords(), given.storage());
        policy = new AccessPolicy();
        audit = new AuditLog(r.audit(), policy, b.clock);
        Guard guard = new Guard(policy, audit);
        RecordContext context = new RecordContext(b.clock, b.ids, guard, audit, r.users(), r.settings(),
                new com.litedesk.core.records.PlanQuota(r.storage(), r.settings(), b.clock), r.deletedRecords());
        LinkedRecords links = new LinkedRecords(r.contacts(), r.companies(), r.deals());
        auth = new Authentication(r.users(), r.credentials(), r.refreshTokens(), r.oneTimeTokens(), b.passwordHasher,
                b.tokenService, audit, b.clock);
        settings = new Settings(context, r.settings(), Map.of(com.litedesk.ports.crm.RecordType.CONTACT, r.contacts(),
                com.litedesk.ports.crm.RecordType.COMPANY, r.companies(), com.litedesk.ports.crm.RecordType.DEAL, r.deals()));
        // mails carry the instance's name as it is now, and go out under the Owner's sender name
        java.util.function.Supplier<String> name = () -> settings.name().orElse(b.instanceName);
        com.litedesk.ports.instance.Mailer mailer = new com.litedesk.core.settings.BrandedMailer(b.mailer, settings::senderName);
        invitations = new Invitations(context, r.users(), r.credentials(), auth, r.oneTimeTokens(), mailer, b.publicUrl, name);
        passwordResets = new PasswordResets(r.users(), r.oneTimeTokens(), auth, mailer, audit, b.clock, b.publicUrl, name);
        users = new Users(context, r.users(), r.teams(), auth, invitations);
        teams = new Teams(context, r.teams(), users);
        contacts = new Contacts(context, r.contacts(), links);
        companies = new Companies(context, r.companies());
        pipelines = new Pipelines(context, r.pipelines(), r.deals());
        deals = new Deals(context, r.deals(), pipelines, links);
        tasks = new Tasks(context, r.tasks(), links);
        notes = new Notes(context, r.notes(), links);
        activities = new Activities(context, r.activities(), links);
        duplicates = new com.litedesk.core.crm.duplicates.Duplicates(contacts, companies);
        savedViews = new com.litedesk.core.crm.views.SavedViews(r.savedViews(), guard, audit, b.clock, b.ids::newId);
        merges = new com.litedesk.core.crm.duplicates.Merges(guard, contacts, companies,
                new com.litedesk.core.crm.duplicates.Repointing(r.contacts(), r.deals(), r.notes(), r.tasks(), r.activities()), audit);
        dashboards = new com.litedesk.core.crm.dashboards.Dashboards(context, pipelines, r.deals(), r.activities(), r.tasks());
        timeline = new Timeline(guard, links, notes, activities, tasks, audit, r.pipelines());
        imports = new Imports(contacts, companies, r.contacts(), r.companies(), r.settings(), context.plan());
        exports = new Exports(contacts, companies, deals, tasks, notes, activities);
        notifications = new Notifications(r.notifications(), b.clock);
        reminders = new TaskReminders(r.tasks(), r.users(), r.notifications(), mailer, b.clock, b.publicUrl, name);
        usage = new UsageMetrics(r, guard);
        CrmKinds kinds = new CrmKinds(contacts, companies, deals, tasks, notes);
        RecordSummaries summaries = new RecordSummaries(policy, r.contacts(), r.companies(), r.deals());
        search = new GlobalSearch(kinds, policy, summaries);
        recent = new RecentRecords(kinds, policy, summaries, r.recentViews(), b.clock);
    }

    /** Saved list views, personal and shared. */
    public com.litedesk.core.crm.views.SavedViews savedViews() {
        return savedViews;
    }

    /** Possible duplicates of contacts and companies. */
    public com.litedesk.core.crm.duplicates.Duplicates duplicates() {
        return duplicates;
    }

    /** Merging a duplicate contact or company into the one kept. */
    public com.litedesk.core.crm.duplicates.Merges merges() {
        return merges;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the instance up on its first start and does nothing on later ones: settings, the
     * default "Sales" pipeline and the Owner — with a password if one is given, else with an
     * invitation mail carrying a one-time set-password link. Returns the Owner.
     */
    public User bootstrap(String instanceName, String ownerEmail, String ownerName, String ownerPassword) {
        return bootstrap(instanceName, "unlimited", PlanLimits.UNLIMITED, ownerEmail, ownerName, ownerPassword);
    }

    public User bootstrap(String instanceName, String plan, PlanLimits limits, String ownerEmail, String ownerName,
                          String ownerPassword) {
        Actor system = Actor.system("bootstrap");
        settings.seed(instanceName, plan, limits);
        pipelines.seedDefault(system);
        return users.bootstrapOwner(ownerEmail, ownerName, ownerPassword);
    }

    /**
     * Sets an instance up for the control plane, idempotently: settings with the plan, the default pipeline and
     * the Owner without a password and without mailing anyone — the control plane sends the invitation
     * ({@link #ownerInvitationLink()}). On an instance set up before, applies the plan.
     */
    public User seedForProvisioning(String instanceName, String plan, PlanLimits limits, String ownerEmail, String ownerName) {
        Actor system = Actor.system("provisioning");
        var current = settings.seed(instanceName, plan, limits);
        if (!plan.equals(current.plan()) || !limits.equals(current.limits())) {
            settings.applyPlan(system, plan, limits);
        }
        pipelines.seedDefault(system);
        return users.bootstrapOwner(ownerEmail, ownerName, null, false);
    }

    /** A new one-time set-password link for the Owner, or null when the Owner has a password already. */
    public String ownerInvitationLink() {
        return users.ownerInvitationLink();
    }

    /**
     * Sets up only the accounts of this store: settings and a first Owner, no CRM data. The control plane keeps
     * its platform admins this way.
     */
    public User bootstrapAccounts(String name, String ownerEmail, String ownerName, String ownerPassword) {
        settings.seed(name, "platform", PlanLimits.UNLIMITED);
        return users.bootstrapOwner(ownerEmail, ownerName, ownerPassword);
    }

    /** Whether this instance was set up already: it has its Owner. */
    public boolean isSetUp() {
        return users.owner().isPresent();
    }

    /** The actor for a user as stored now (embedders that authenticate users themselves). */
    public Actor actorOf(User user) {
        return new Actor(user.id(), user.role(), user.teamId(), null);
    }

    /** What the actor may do, as the same policy that allows or refuses their requests decides it. */
    public com.litedesk.core.access.Permissions permissions(Actor actor) {
        return policy.permissions(actor);
    }

    public Authentication auth() {
        return auth;
    }

    public Users users() {
        return users;
    }

    /** Pending invitations: list, resend, revoke (Owners and Admins). */
    public Invitations invitations() {
        return invitations;
    }

    /** "Forgot password": reset links mailed to the account's own address. */
    public PasswordResets passwordResets() {
        return passwordResets;
    }

    public Teams teams() {
        return teams;
    }

    public Contacts contacts() {
        return contacts;
    }

    public Companies companies() {
        return companies;
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    public Deals deals() {
        return deals;
    }

    public Tasks tasks() {
        return tasks;
    }

    public Notes notes() {
        return notes;
    }

    /** Calls, meetings and emails logged against contacts, companies and deals. */
    public Activities activities() {
        return activities;
    }

    /** Pipeline value, forecast, win rate, activity and wins, for the actor's scope. */
    public com.litedesk.core.crm.dashboards.Dashboards dashboards() {
        return dashboards;
    }

    /** Each user's own in-app notifications. */
    public Notifications notifications() {
        return notifications;
    }

    /** Reminders of due and overdue tasks, in-app and by mail; run by the instance on a schedule. */
    public TaskReminders reminders() {
        return reminders;
    }

    public Timeline timeline() {
        return timeline;
    }

    public AuditLog audit() {
        return audit;
    }

    public Settings settings() {
        return settings;
    }

    public Imports imports() {
        return imports;
    }

    public Exports exports() {
        return exports;
    }

    /** One search over contacts, companies, deals, tasks and notes. */
    public GlobalSearch search() {
        return search;
    }

    /** The records each user opened lately. */
    public RecentRecords recentRecords() {
        return recent;
    }

    public UsageMetrics usage() {
        return usage;
    }

    /**
     * Assembles a {@link LiteDesk}. Repositories, password hasher, token service, mailer and clock are required:
     * the clock is the one source of time, so that expiry, due dates and audit times are testable.
     */
    public static final class Builder {
        private InstanceRepositories repositories;
        private PasswordHasher passwordHasher;
        private TokenService tokenService;
        private Mailer mailer;
        private Clock clock;
        private IdGenerator ids;
        private String publicUrl = "http://localhost:8080";
        private String instanceName = "LiteDesk";

        private Builder() {
        }

        public Builder repositories(InstanceRepositories repositories) {
            this.repositories = repositories;
            return this;
        }

        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = passwordHasher;
            return this;
        }

        public Builder tokenService(TokenService tokenService) {
            this.tokenService = tokenService;
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = mailer;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder ids(IdGenerator ids) {
            this.ids = ids;
            return this;
        }

        /** The address users reach the instance at; invitation links point there. */
        public Builder publicUrl(String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        /** The name mails use until the settings say otherwise. */
        public Builder instanceName(String instanceName) {
            this.instanceName = instanceName;
            return this;
        }

        public LiteDesk build() {
            Objects.requireNonNull(repositories, "repositories");
            Objects.requireNonNull(passwordHasher, "passwordHasher");
            Objects.requireNonNull(tokenService, "tokenService");
            Objects.requireNonNull(mailer, "mailer");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(publicUrl, "publicUrl");
            if (ids == null) {
                ids = new TimeOrderedIds(clock);
            }
            return new LiteDesk(this);
        }
    }
}
