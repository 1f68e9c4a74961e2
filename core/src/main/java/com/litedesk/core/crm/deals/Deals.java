package com.litedesk.core.crm.deals;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.crm.pipelines.Pipelines;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.core.records.RecordBase;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Stage;
import com.litedesk.ports.crm.StageTotals;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/** Use cases of deals: the record itself, moves between stages, and the board. */
public final class Deals extends OwnedRecords<Deal, DealDraft> {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("title").decimal("value").text("currency").text("pipelineId").text("stageId")
            .enumeration("status", DealStatus.class).instant("closedAt").date("expectedCloseDate").textList("contactIds")
            .text("companyId").text("ownerId").text("teamId")
            .fullTextSearch()
            .build();
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");

    private final DealRepository deals;
    private final Pipelines pipelines;
    private final LinkedRecords links;

    public Deals(RecordContext context, DealRepository deals, Pipelines pipelines, LinkedRecords links) {
        super(context, deals, Resource.DEALS, RecordType.DEAL, FIELDS);
        this.deals = deals;
        this.pipelines = pipelines;
        this.links = links;
    }

    @Override
    protected Deal build(DealDraft d, RecordBase b) {
        Validation v = new Validation();
        String title = v.required("title", d.title(), 200);
        BigDecimal value = d.value() == null ? BigDecimal.ZERO : d.value();
        if (value.signum() < 0 || value.compareTo(MAX_VALUE) >= 0 || value.scale() > 2) {
            v.error("value", "must be between 0 and 10^15 with at most 2 decimals");
        }
        String currency = currency(v, d.currency());
        Pipeline pipeline = d.pipelineId() == null ? pipelines.defaultPipeline() : findPipeline(v, d.pipelineId());
        Stage stage = null;
        if (pipeline != null) {
            stage = d.stageId() == null ? pipeline.stages().getFirst() : pipeline.stage(d.stageId()).orElse(null);
            if (stage == null) {
                v.error("stageId", "is not a stage of pipeline " + pipeline.id());
            }
        }
        List<String> contactIds = v.texts("contactIds", d.contactIds(), 50, 64);
        for (int i = 0; i < contactIds.size(); i++) {
            links.check(v, "contactIds[" + i + "]", RecordType.CONTACT, contactIds.get(i));
        }
        links.check(v, "companyId", RecordType.COMPANY, d.companyId());
        var custom = customFields.check(RecordType.DEAL, d.customFields(), v);
        v.throwIfInvalid();
        return new Deal(b.id(), b.version(), title, value, currency, pipeline.id(), stage.id(), Ranks.initial(b.id()),
                DealStatus.of(stage.kind()), closedAt(DealStatus.of(stage.kind()), b), d.expectedCloseDate(), contactIds, d.companyId(), b.ownerId(), b.teamId(),
                custom, b.createdAt(), b.createdBy(), b.updatedAt(), b.updatedBy());
    }

    /** A deal created won or lost closed when it was created; {@link #withPosition} keeps the time across edits. */
    private static Instant closedAt(DealStatus status, RecordBase b) {
        return status == DealStatus.OPEN ? null : b.updatedAt();
    }

    private Pipeline findPipeline(Validation v, String id) {
        try {
            return pipelines.require(id);
        } catch (LiteDeskException e) {
            v.error("pipelineId", "is not a pipeline of this instance");
            return null;
        }
    }

    private static String currency(Validation v, String code) {
        if (code == null || code.isBlank()) {
            v.error("currency", "is required (ISO 4217, e.g. EUR)");
            return null;
        }
        try {
            String upper = code.strip().toUpperCase(Locale.ROOT);
            Currency.getInstance(upper);
            if (upper.length() != 3) {
                throw new IllegalArgumentException();
            }
            return upper;
        } catch (IllegalArgumentException e) {
            v.error("currency", "is not an ISO 4217 currency code");
            return null;
        }
    }

    /**
     * Gives every won or lost deal without a close time (made before deals kept one) the time it was last changed, so
     * that win rates and "won per month" count it; idempotent, run when an instance starts. Answers how many it changed.
     */
    public int fillClosedAt() {
        List<Condition> unclosed = List.of(Condition.of("status", com.litedesk.ports.store.Operator.IN, List.of(DealStatus.WON, DealStatus.LOST)),
                Condition.eq("closedAt", null));
        int[] filled = {0};
        com.litedesk.core.support.EveryRecord.forEach(deals, unclosed, 200, d -> {
            try {
                deals.replace(new Deal(d.id(), d.version() + 1, d.title(), d.value(), d.currency(), d.pipelineId(), d.stageId(), d.rank(),
                        d.status(), d.updatedAt(), d.expectedCloseDate(), d.contactIds(), d.companyId(), d.ownerId(), d.teamId(),
                        d.customFields(), d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy()), d.version());
                filled[0]++;
            } catch (LiteDeskException e) {
                if (e.code() != com.litedesk.ports.ErrorCode.PRECONDITION_FAILED && e.code() != com.litedesk.ports.ErrorCode.NOT_FOUND) {
                    throw e;
                }
                // changed meanwhile: a change of a won or lost deal keeps or sets its close time itself
            }
        });
        return filled[0];
    }

    /** A deal comes back only onto a stage that still exists. */
    @Override
    protected void beforeRestore(Actor actor, Deal deal) {
        boolean onItsStage;
        try {
            onItsStage = pipelines.require(deal.pipelineId()).stage(deal.stageId()).isPresent();
        } catch (LiteDeskException e) {
            onItsStage = false;
        }
        if (!onItsStage) {
            throw LiteDeskException.conflict("the deal's pipeline or stage was deleted since; it cannot be brought back");
        }
        super.beforeRestore(actor, deal);
    }

    @Override
    protected String requestedOwner(DealDraft draft) {
        return draft.ownerId();
    }

    @Override
    public DealDraft draftOf(Deal d) {
        return new DealDraft(d.title(), d.value(), d.currency(), d.pipelineId(), d.stageId(), d.expectedCloseDate(),
                d.contactIds(), d.companyId(), d.ownerId(), d.customFields());
    }

    @Override
    protected Deal prepareUpdate(Actor actor, Deal current, DealDraft draft) {
        Deal rebuilt = super.prepareUpdate(actor, current, draft);
        boolean moved = !rebuilt.stageId().equals(current.stageId()) || !rebuilt.pipelineId().equals(current.pipelineId());
        // an edit keeps the board position; a stage change through an edit goes to the end of the new stage
        String rank = moved ? Ranks.between(lastRank(rebuilt.pipelineId(), rebuilt.stageId()), null) : current.rank();
        return withPosition(rebuilt, current, rebuilt.pipelineId(), rebuilt.stageId(), rank, rebuilt.status(), rebuilt.version(),
                rebuilt.updatedAt(), rebuilt.updatedBy());
    }

    /**
     * Moves a deal to a stage of its pipeline at a 0-based position among that stage's deals in
     * board order (null: at the end). Audited as "deal.move".
     */
    /**
     * Moves a deal to a stage, at a position among its deals. With {@code expectedVersion} the move fails
     * (PRECONDITION_FAILED) when the deal changed; without, a concurrent change is simply followed by this move.
     */
    public Deal move(Actor actor, String dealId, String stageId, Integer position, Long expectedVersion) {
        return com.litedesk.core.support.LostRaces.retry(expectedVersion == null ? 11 : 1,
                () -> moveOnce(actor, dealId, stageId, position, expectedVersion));
    }

    private Deal moveOnce(Actor actor, String dealId, String stageId, Integer position, Long expectedVersion) {
        Deal current = require(dealId);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Deal", dealId);
        }
        context.guard().require(actor, Resource.DEALS, Action.EDIT, current, ref(dealId));
        Pipeline pipeline = pipelines.require(current.pipelineId());
        Stage stage = pipeline.stage(stageId).orElseThrow(
                () -> LiteDeskException.invalid("stageId", "is not a stage of the deal's pipeline"));
        if (position != null && (position < 0 || position > 10_000)) {
            throw LiteDeskException.invalid("position", "must be between 0 and 10000");
        }
        String rank = rankAt(pipeline.id(), stage.id(), position, dealId);
        Deal moved = withPosition(current, current, pipeline.id(), stage.id(), rank, DealStatus.of(stage.kind()),
                current.version() + 1, context.now(), actor.userId());
        deals.replace(moved, current.version());
        Map<String, String> before = new LinkedHashMap<>();
        before.put("stageId", current.stageId());
        before.put("status", current.status().name());
        Map<String, String> after = new LinkedHashMap<>();
        after.put("stageId", stage.id());
        after.put("status", moved.status().name());
        if (position != null) {
            after.put("position", position.toString());
        }
        context.audit().recordSuccess(actor, "deal.move", ref(dealId), before, after);
        return moved;
    }

    /** The board of a pipeline: totals over all deals of each stage, and the first deals of each. */
    public DealBoard board(Actor actor, String pipelineId, int perStage) {
        context.guard().require(actor, Resource.DEALS, Action.READ);
        Pipeline pipeline = pipelineId == null ? pipelines.defaultPipeline() : pipelines.require(pipelineId);
        int limit = Math.max(1, Math.min(perStage, 200));
        Map<String, StageTotals> totals = new LinkedHashMap<>();
        for (StageTotals t : deals.stageTotals(pipeline.id())) {
            totals.put(t.stageId(), t);
        }
        List<DealBoard.Column> columns = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            StageTotals t = totals.getOrDefault(stage.id(), new StageTotals(stage.id(), 0, Map.of()));
            List<Deal> first = t.count() == 0 ? List.of() : deals.list(new Query(
                    List.of(Condition.eq("pipelineId", pipeline.id()), Condition.eq("stageId", stage.id())),
                    List.of(SortKey.asc("rank")), null, limit)).items();
            Map<String, BigDecimal> weighted = new LinkedHashMap<>();
            t.valueByCurrency().forEach((currency, sum) -> weighted.put(currency,
                    sum.multiply(BigDecimal.valueOf(stage.probability())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)));
            columns.add(new DealBoard.Column(stage, t.count(), t.valueByCurrency(), weighted, first, t.count() > first.size()));
        }
        return new DealBoard(pipeline, columns);
    }

    private String rankAt(String pipelineId, String stageId, Integer position, String movingId) {
        if (position == null) {
            return Ranks.between(lastRank(pipelineId, stageId), null);
        }
        List<Condition> where = List.of(Condition.eq("pipelineId", pipelineId), Condition.eq("stageId", stageId),
                Condition.of("id", com.litedesk.ports.store.Operator.NE, movingId));
        List<Deal> upTo = deals.list(new Query(where, List.of(SortKey.asc("rank")), null, position + 1)).items();
        String before = position == 0 || upTo.isEmpty() ? null : upTo.get(Math.min(position, upTo.size()) - 1).rank();
        String after = position < upTo.size() ? upTo.get(position).rank() : null;
        return Ranks.between(before, after);
    }

    private String lastRank(String pipelineId, String stageId) {
        return deals.list(new Query(List.of(Condition.eq("pipelineId", pipelineId), Condition.eq("stageId", stageId)),
                List.of(SortKey.desc("rank")), null, 1)).items().stream().map(Deal::rank).findFirst().orElse(null);
    }

    /** {@code before}: the deal as stored, whose close time stays while it stays won (or lost). */
    private static Deal withPosition(Deal d, Deal before, String pipelineId, String stageId, String rank, DealStatus status,
                                     long version, Instant at, String by) {
        Instant closedAt = status == DealStatus.OPEN ? null : status == before.status() && before.closedAt() != null
                ? before.closedAt() : at;
        return new Deal(d.id(), version, d.title(), d.value(), d.currency(), pipelineId, stageId, rank, status, closedAt,
                d.expectedCloseDate(), d.contactIds(), d.companyId(), d.ownerId(), d.teamId(), d.customFields(),
                d.createdAt(), d.createdBy(), at, by);
    }

}
