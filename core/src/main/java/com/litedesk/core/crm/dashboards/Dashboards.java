package com.litedesk.core.crm.dashboards;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.pipelines.Pipelines;
import com.litedesk.core.records.RecordContext;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.ActivityRepository;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.Stage;
import com.litedesk.ports.crm.StageKind;
import com.litedesk.ports.crm.StageTotals;
import com.litedesk.ports.crm.TaskRepository;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Repository;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Dashboards: pipeline value by stage, weighted forecast by expected close month, win rate, activity by user and deals
 * won per month, for one {@link DashboardScope} and a period of 1–24 months.
 *
 * <p>How the figures are read: the pipeline value of the "everyone" scope comes from the board totals the store keeps
 * ({@link DealRepository#stageTotals}); every other figure pages (by id, {@value #PAGE} at a time) through only the
 * records it counts — open deals of the pipeline or expected to close in the forecast months, deals closed in the
 * period, activities that happened in it, tasks completed in it — narrowed by owner or team in the store, summing as it
 * goes. The forecast covers the current month and the {@value #FORECAST_MONTHS_AHEAD} after it; open deals expected
 * to close before the current month are not in it.
 */
public final class Dashboards {

    static final int PAGE = 500;
    static final int FORECAST_MONTHS_AHEAD = 5;
    public static final int MAX_MONTHS = 24;

    private final RecordContext context;
    private final Pipelines pipelines;
    private final DealRepository deals;
    private final ActivityRepository activities;
    private final TaskRepository tasks;

    public Dashboards(RecordContext context, Pipelines pipelines, DealRepository deals, ActivityRepository activities,
                      TaskRepository tasks) {
        this.context = context;
        this.pipelines = pipelines;
        this.deals = deals;
        this.activities = activities;
        this.tasks = tasks;
    }

    /**
     * The dashboard of a scope (null: the actor's default) over the last {@code months} months, its pipeline value on
     * {@code pipelineId} (null: the default pipeline). VALIDATION for months outside 1–24 or an unknown pipeline;
     * FORBIDDEN (audited) for a scope the actor's role is not offered.
     */
    public Dashboard show(Actor actor, DashboardScope requested, int months, String pipelineId) {
        context.guard().require(actor, Resource.DEALS, Action.READ);
        context.guard().require(actor, Resource.ACTIVITIES, Action.READ);
        DashboardScope scope = requested == null ? DashboardScope.defaultFor(actor) : requested;
        if (!DashboardScope.offeredTo(actor).contains(scope)) {
            throw context.guard().deny(actor, Resource.DEALS, Action.READ, null, Map.of("dashboardScope", scope.name()));
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw LiteDeskException.invalid("months", "must be a whole number from 1 to " + MAX_MONTHS);
        }
        Pipeline pipeline = pipeline(pipelineId);
        YearMonth current = YearMonth.from(context.now().atZone(ZoneOffset.UTC));
        Months period = Months.endingWith(current, months);
        Months ahead = new Months(current, FORECAST_MONTHS_AHEAD + 1);
        DealFigures figures = new DealFigures(period, ahead);
        List<Condition> whose = whose(actor, scope, "ownerId");
        pipelineValue(figures, pipeline, scope, whose);
        Map<String, Integer> probabilities = probabilities(actor);
        forEach(deals, with(whose, Condition.eq("status", DealStatus.OPEN),
                        Condition.of("expectedCloseDate", Operator.GTE, ahead.startDate()),
                        Condition.of("expectedCloseDate", Operator.LT, ahead.endDate())),
                d -> figures.expected(d, probabilities.getOrDefault(d.pipelineId() + "/" + d.stageId(), 0)));
        forEach(deals, with(whose, Condition.of("status", Operator.IN, List.of(DealStatus.WON, DealStatus.LOST)),
                Condition.of("closedAt", Operator.GTE, period.start()), Condition.of("closedAt", Operator.LT, period.end())),
                figures::closed);
        ActivityFigures activity = new ActivityFigures();
        forEach(activities, with(whose, Condition.of("occurredAt", Operator.GTE, period.start()),
                Condition.of("occurredAt", Operator.LT, period.end())), activity::logged);
        forEach(tasks, with(whose(actor, scope, "assigneeId"), Condition.eq("status", TaskStatus.DONE),
                Condition.of("completedAt", Operator.GTE, period.start()), Condition.of("completedAt", Operator.LT, period.end())),
                activity::completed);
        return new Dashboard(scope, DashboardScope.offeredTo(actor), months, period.startDate(), figures.mainCurrency(),
                figures.pipelineValue(pipeline), figures.forecast(), figures.winRate(), activity.byUser(context.users()),
                figures.wonByMonth());
    }

    private void pipelineValue(DealFigures figures, Pipeline pipeline, DashboardScope scope, List<Condition> whose) {
        if (scope == DashboardScope.ALL) {
            // a stage's kind fixes its deals' status: the totals of the open stages are those of the open deals
            for (StageTotals t : deals.stageTotals(pipeline.id())) {
                boolean open = pipeline.stage(t.stageId()).map(s -> s.kind() == StageKind.OPEN).orElse(false);
                if (open) {
                    figures.stageTotals(t.stageId(), t.count(), t.valueByCurrency());
                }
            }
            return;
        }
        forEach(deals, with(whose, Condition.eq("pipelineId", pipeline.id()), Condition.eq("status", DealStatus.OPEN)),
                figures::openInPipeline);
    }

    private Pipeline pipeline(String pipelineId) {
        if (pipelineId == null || pipelineId.isBlank()) {
            return pipelines.defaultPipeline();
        }
        try {
            return pipelines.require(pipelineId);
        } catch (LiteDeskException e) {
            throw LiteDeskException.invalid("pipelineId", "is not a pipeline of this instance");
        }
    }

    /** Probability of every stage of every pipeline, by "pipelineId/stageId". */
    private Map<String, Integer> probabilities(Actor actor) {
        Map<String, Integer> out = new HashMap<>();
        for (Pipeline p : pipelines.list(actor)) {
            for (Stage s : p.stages()) {
                out.put(p.id() + "/" + s.id(), s.probability());
            }
        }
        return out;
    }

    /** The store conditions of a scope: on the owner (or assignee) field for "mine", the team for "my team". */
    private static List<Condition> whose(Actor actor, DashboardScope scope, String ownerField) {
        return switch (scope) {
            case MINE -> List.of(Condition.eq(ownerField, actor.userId()));
            case TEAM -> List.of(Condition.eq("teamId", actor.teamId()));
            case ALL -> List.of();
        };
    }

    private static List<Condition> with(List<Condition> whose, Condition... more) {
        List<Condition> all = new ArrayList<>(whose);
        all.addAll(List.of(more));
        return all;
    }

    /** Every record matching, page by page in id order. */
    private static <T extends Entity> void forEach(Repository<T> store, List<Condition> where, Consumer<T> sink) {
        com.litedesk.core.support.EveryRecord.forEach(store, where, PAGE, sink);
    }
}
