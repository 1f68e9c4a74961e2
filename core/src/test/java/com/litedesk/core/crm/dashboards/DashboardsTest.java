package com.litedesk.core.crm.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.LiteDesk;
import com.litedesk.core.TestInstance;
import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.activities.ActivityDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.ActivityType;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.identity.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Known deals, activities and tasks on a fixed clock (now: 1 March 2026) → known figures, per scope. */
class DashboardsTest {

    private final TestInstance instance = new TestInstance();
    private final LiteDesk crm = instance.crm;
    private final Actor user = instance.as(Role.USER);
    private final Actor manager = instance.as(Role.MANAGER);
    private RecordRef ada;

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private Deal deal(Actor actor, String title, String value, String currency, String stageId, String expectedClose) {
        return crm.deals().create(actor, new DealDraft(title, new BigDecimal(value), currency, null, stageId,
                expectedClose == null ? null : LocalDate.parse(expectedClose), List.of(), null, null, Map.of()));
    }

    private void won(Actor actor, String title, String value) {
        crm.deals().move(actor, deal(actor, title, value, "EUR", "proposal", null).id(), "won", null, null);
    }

    private void lost(Actor actor, String title, String value) {
        crm.deals().move(actor, deal(actor, title, value, "EUR", "proposal", null).id(), "lost", null, null);
    }

    private void log(Actor actor, ActivityType type, String at) {
        crm.activities().create(actor, new ActivityDraft(type, "Touch", null, Instant.parse(at), null, null, ada));
    }

    @BeforeEach
    void seed() {
        ada = new RecordRef(RecordType.CONTACT, crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@example.com")).id());
        // the user's open deals
        deal(user, "Proposal", "1000", "EUR", "proposal", "2026-04-15");
        deal(user, "Qualified", "333.33", "EUR", "qualified", "2026-03-20");
        deal(user, "Far off", "200", "USD", "lead", "2026-09-01");
        // the user's manager (same team) and a user of the other team
        deal(manager, "Manager's lead", "700", "EUR", "lead", "2026-03-31");
        deal(instance.southUser, "South", "10000", "EUR", "negotiation", "2026-05-02");
        // closed in January, February and March
        instance.clock.advance(Duration.ofDays(-50)); // 10 January
        won(user, "January win", "500");
        lost(user, "January loss", "900");
        won(instance.southUser, "South January win", "4000");
        instance.clock.advance(Duration.ofDays(30)); // 9 February
        deal(user, "Won on entry", "1500", "EUR", "won", null);
        lost(manager, "Manager's February loss", "100");
        instance.clock.advance(Duration.ofDays(20)); // 1 March
        won(user, "March win", "250.50");
        // activities: two calls, a meeting and an email of the user in the period, one before it; a call of the manager
        log(user, ActivityType.CALL, "2026-02-03T10:00:00Z");
        log(user, ActivityType.CALL, "2026-03-01T08:00:00Z");
        log(user, ActivityType.MEETING, "2026-01-05T08:00:00Z");
        log(user, ActivityType.EMAIL, "2026-02-28T23:59:59Z");
        log(user, ActivityType.CALL, "2025-12-31T23:59:59Z");
        log(manager, ActivityType.CALL, "2026-02-10T10:00:00Z");
        // a task the Owner gave the user, which the user completed, and one still open
        var task = crm.tasks().create(instance.owner, new TaskDraft("Call back", null, null, null, null, user.userId(), null, null));
        var d = crm.tasks().draftOf(task);
        crm.tasks().update(user, task.id(), 1L, new TaskDraft(d.title(), null, null, null, TaskStatus.DONE, d.assigneeId(), null, d.ownerId()));
        crm.tasks().create(user, TaskDraft.of("Still to do", null));
    }

    @Test
    void aUsersOwnDashboardCountsOnlyTheirDealsActivitiesAndTasks() {
        Dashboard mine = crm.dashboards().show(user, null, 3, null);
        assertThat(mine.scope()).isEqualTo(DashboardScope.MINE);
        assertThat(mine.scopes()).containsExactly(DashboardScope.MINE, DashboardScope.ALL);
        assertThat(mine.from()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(mine.currency()).isEqualTo("EUR");
        var stages = mine.pipelineValue().stages();
        assertThat(stages).extracting(Dashboard.StageValue::stageId).containsExactly("lead", "qualified", "proposal", "negotiation");
        assertThat(stages.get(0).count()).isEqualTo(1);
        assertThat(stages.get(0).value()).isEqualTo(Map.of("USD", new BigDecimal("200")));
        assertThat(stages.get(1).value()).isEqualTo(Map.of("EUR", new BigDecimal("333.33")));
        assertThat(stages.get(2).value()).isEqualTo(Map.of("EUR", new BigDecimal("1000")));
        assertThat(stages.get(3).count()).isZero();

        assertThat(mine.forecast()).extracting(Dashboard.MonthForecast::month).containsExactly(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-04-01"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-01"));
        assertThat(mine.forecast().get(0).weighted()).isEqualTo(Map.of("EUR", new BigDecimal("83.33"))); // 333.33 × 25 %
        assertThat(mine.forecast().get(1).weighted()).isEqualTo(Map.of("EUR", new BigDecimal("500.00"))); // 1000 × 50 %
        assertThat(mine.forecast().get(2).count()).isZero();

        var rate = mine.winRate();
        assertThat(rate.won()).isEqualTo(3);
        assertThat(rate.lost()).isEqualTo(1);
        assertThat(rate.percent()).isEqualByComparingTo("75.0");
        assertThat(rate.byMonth()).extracting(Dashboard.MonthWinRate::percent)
                .usingElementComparator((a, b) -> a.compareTo(b)).containsExactly(new BigDecimal("50.0"), new BigDecimal("100.0"), new BigDecimal("100.0"));

        assertThat(mine.wonByMonth()).extracting(Dashboard.MonthWins::count).containsExactly(1L, 1L, 1L);
        assertThat(mine.wonByMonth()).extracting(Dashboard.MonthWins::value).containsExactly(
                Map.of("EUR", new BigDecimal("500")), Map.of("EUR", new BigDecimal("1500")), Map.of("EUR", new BigDecimal("250.50")));

        assertThat(mine.activityByUser()).containsExactly(new Dashboard.UserActivity(user.userId(), "user", 2, 1, 1, 1));
    }

    @Test
    void aManagersTeamDashboardCountsTheTeamAndNotTheOtherOne() {
        Dashboard team = crm.dashboards().show(manager, null, 3, null);
        assertThat(team.scope()).isEqualTo(DashboardScope.TEAM);
        assertThat(team.scopes()).containsExactly(DashboardScope.MINE, DashboardScope.TEAM, DashboardScope.ALL);
        var lead = team.pipelineValue().stages().getFirst();
        assertThat(lead.count()).isEqualTo(2);
        assertThat(lead.value()).isEqualTo(Map.of("USD", new BigDecimal("200"), "EUR", new BigDecimal("700")));
        assertThat(team.pipelineValue().stages().get(3).count()).isZero(); // the south team's negotiation
        assertThat(team.forecast().getFirst().weighted()).isEqualTo(Map.of("EUR", new BigDecimal("153.33"))); // 83.33 + 700 × 10 %
        assertThat(team.winRate().won()).isEqualTo(3);
        assertThat(team.winRate().lost()).isEqualTo(2);
        assertThat(team.winRate().percent()).isEqualByComparingTo("60.0");
        assertThat(team.activityByUser()).extracting(Dashboard.UserActivity::userName).containsExactly("user", "manager");
        assertThat(team.activityByUser().get(1).calls()).isEqualTo(1);

        Dashboard own = crm.dashboards().show(manager, DashboardScope.MINE, 3, null);
        assertThat(own.winRate().won()).isZero();
        assertThat(own.winRate().percent()).isEqualByComparingTo("0.0");
        assertThat(own.winRate().byMonth().getFirst().percent()).isNull();
    }

    @Test
    void everyonesDashboardReadsTheBoardTotalsAndCountsEveryTeam() {
        Dashboard all = crm.dashboards().show(instance.owner, null, 3, null);
        assertThat(all.scope()).isEqualTo(DashboardScope.ALL);
        var stages = all.pipelineValue().stages();
        assertThat(stages.get(0).value()).isEqualTo(Map.of("USD", new BigDecimal("200"), "EUR", new BigDecimal("700")));
        assertThat(stages.get(3).value()).isEqualTo(Map.of("EUR", new BigDecimal("10000")));
        assertThat(all.winRate().won()).isEqualTo(4);
        assertThat(all.wonByMonth().getFirst().value()).isEqualTo(Map.of("EUR", new BigDecimal("4500")));
        assertThat(all.forecast().get(2).weighted()).isEqualTo(Map.of("EUR", new BigDecimal("7500.00")));
        // a shorter period leaves the January and February closings out
        Dashboard march = crm.dashboards().show(instance.owner, DashboardScope.ALL, 1, null);
        assertThat(march.winRate().won()).isEqualTo(1);
        assertThat(march.winRate().lost()).isZero();
        assertThat(march.activityByUser()).singleElement().satisfies(a -> assertThat(a.calls()).isEqualTo(1));
    }

    @Test
    void aDealKeepsWhenItWasWonAcrossLaterEditsAndLosesItWhenReopened() {
        Deal w = deal(user, "Keeps", "10", "EUR", "proposal", null);
        Deal moved = crm.deals().move(user, w.id(), "won", null, null);
        assertThat(moved.closedAt()).isEqualTo(instance.clock.instant());
        instance.clock.advance(Duration.ofDays(3));
        var d = crm.deals().draftOf(moved);
        Deal edited = crm.deals().update(user, w.id(), moved.version(), new DealDraft("Keeps, renamed", d.value(), d.currency(),
                d.pipelineId(), d.stageId(), d.expectedCloseDate(), d.contactIds(), d.companyId(), d.ownerId(), d.customFields()));
        assertThat(edited.closedAt()).isEqualTo(moved.closedAt());
        assertThat(crm.deals().move(user, w.id(), "lead", null, null).closedAt()).isNull();
    }

    @Test
    void aViewerSeesEveryonesFiguresOnlyAndScopesBeyondARoleAreRefusedAndAudited() {
        Actor viewer = instance.as(Role.VIEWER);
        Dashboard all = crm.dashboards().show(viewer, null, 12, null);
        assertThat(all.scope()).isEqualTo(DashboardScope.ALL);
        assertThat(all.scopes()).containsExactly(DashboardScope.ALL);
        assertThat(all.winRate().byMonth()).hasSize(12);
        fails(() -> crm.dashboards().show(viewer, DashboardScope.MINE, 12, null), ErrorCode.FORBIDDEN);
        var denied = instance.stores.audit().last().orElseThrow();
        assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denied.actorId()).isEqualTo(viewer.userId());
        fails(() -> crm.dashboards().show(user, DashboardScope.TEAM, 12, null), ErrorCode.FORBIDDEN);
        Actor loneManager = instance.add("lone@acme.test", Role.MANAGER, null);
        assertThat(crm.dashboards().show(loneManager, null, 12, null).scope()).isEqualTo(DashboardScope.MINE);
        fails(() -> crm.dashboards().show(loneManager, DashboardScope.TEAM, 12, null), ErrorCode.FORBIDDEN);
    }

    @Test
    void badPeriodsScopesAndPipelinesAreInvalid() {
        fails(() -> crm.dashboards().show(user, null, 0, null), ErrorCode.VALIDATION);
        fails(() -> crm.dashboards().show(user, null, 25, null), ErrorCode.VALIDATION);
        fails(() -> crm.dashboards().show(user, null, 12, "nope"), ErrorCode.VALIDATION);
        fails(() -> DashboardScope.parse("ours"), ErrorCode.VALIDATION);
        assertThat(DashboardScope.parse("Team")).isEqualTo(DashboardScope.TEAM);
    }
}
