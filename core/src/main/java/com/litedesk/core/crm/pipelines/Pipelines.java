package com.litedesk.core.crm.pipelines;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.records.Changes;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.PipelineRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Stage;
import com.litedesk.ports.crm.StageKind;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pipelines: several per instance, one of them the default (seeded as "Sales"). Stages keep their
 * ids across edits; a stage, or a pipeline, that still holds deals cannot be removed.
 */
public final class Pipelines {

    public static final String DEFAULT_ID = "sales";

    private final RecordContext context;
    private final PipelineRepository pipelines;
    private final DealRepository deals;

    public Pipelines(RecordContext context, PipelineRepository pipelines, DealRepository deals) {
        this.context = context;
        this.pipelines = pipelines;
        this.deals = deals;
    }

    public List<Pipeline> list(Actor actor) {
        context.guard().require(actor, Resource.PIPELINES, Action.READ);
        return pipelines.list(Query.all(100)).items();
    }

    public Pipeline get(Actor actor, String id) {
        context.guard().require(actor, Resource.PIPELINES, Action.READ);
        return require(id);
    }

    public Pipeline require(String id) {
        if (id == null || id.length() > 64) {
            throw LiteDeskException.notFound("Pipeline", String.valueOf(id));
        }
        return pipelines.findById(id).orElseThrow(() -> LiteDeskException.notFound("Pipeline", id));
    }

    /** The default pipeline (the seeded one unless another was made default). */
    public Pipeline defaultPipeline() {
        return pipelines.list(Query.where(List.of(Condition.eq("isDefault", true)), 1)).items().stream()
                .findFirst().orElseGet(() -> require(DEFAULT_ID));
    }

    public Pipeline create(Actor actor, PipelineDraft draft) {
        context.guard().require(actor, Resource.PIPELINES, Action.CREATE);
        if (pipelines.count(List.of()) >= 50) {
            throw LiteDeskException.limitReached("an instance has at most 50 pipelines");
        }
        var now = context.now();
        Pipeline pipeline = new Pipeline(context.ids().newId(), 1, name(draft), stages(draft, List.of()), false,
                now, actor.userId(), now, actor.userId());
        pipelines.insert(pipeline);
        context.audit().recordSuccess(actor, "pipeline.create", ref(pipeline.id()), Map.of(), Changes.of(pipeline));
        return pipeline;
    }

    /** Seeds the default "Sales" pipeline once (idempotent: a second call finds it). */
    public Pipeline seedDefault(Actor actor) {
        return pipelines.findById(DEFAULT_ID).orElseGet(() -> {
            var now = context.now();
            Pipeline sales = new Pipeline(DEFAULT_ID, 1, "Sales", List.of(
                    new Stage("lead", "Lead", 10, StageKind.OPEN),
                    new Stage("qualified", "Qualified", 25, StageKind.OPEN),
                    new Stage("proposal", "Proposal", 50, StageKind.OPEN),
                    new Stage("negotiation", "Negotiation", 75, StageKind.OPEN),
                    new Stage("won", "Won", 100, StageKind.WON),
                    new Stage("lost", "Lost", 0, StageKind.LOST)), true, now, actor.userId(), now, actor.userId());
            try {
                pipelines.insert(sales);
                context.audit().recordSuccess(actor, "pipeline.create", ref(DEFAULT_ID), Map.of(), Changes.of(sales));
                return sales;
            } catch (LiteDeskException raced) {
                return require(DEFAULT_ID);
            }
        });
    }

    public Pipeline update(Actor actor, String id, Long expectedVersion, PipelineDraft draft) {
        context.guard().require(actor, Resource.PIPELINES, Action.EDIT, ref(id), Map.of());
        Pipeline current = require(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Pipeline", id);
        }
        List<Stage> stages = stages(draft, current.stages());
        Set<String> kept = new HashSet<>();
        stages.forEach(s -> kept.add(s.id()));
        for (Stage removed : current.stages()) {
            if (!kept.contains(removed.id()) && dealsIn(id, removed.id()) > 0) {
                throw LiteDeskException.conflict("stage '" + removed.name() + "' still holds deals; move them first");
            }
        }
        Pipeline updated = new Pipeline(id, current.version() + 1, name(draft), stages, current.isDefault(),
                current.createdAt(), current.createdBy(), context.now(), actor.userId());
        pipelines.replace(updated, current.version());
        var diff = Changes.diff(current, updated);
        context.audit().recordSuccess(actor, "pipeline.update", ref(id), diff.before(), diff.after());
        return updated;
    }

    public void delete(Actor actor, String id, Long expectedVersion) {
        context.guard().require(actor, Resource.PIPELINES, Action.DELETE, ref(id), Map.of());
        Pipeline current = require(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Pipeline", id);
        }
        if (current.isDefault()) {
            throw LiteDeskException.conflict("the default pipeline cannot be deleted");
        }
        if (deals.count(List.of(Condition.eq("pipelineId", id))) > 0) {
            throw LiteDeskException.conflict("the pipeline still holds deals; move or delete them first");
        }
        pipelines.delete(id, current.version());
        context.audit().recordSuccess(actor, "pipeline.delete", ref(id), Changes.of(current), Map.of());
    }

    private long dealsIn(String pipelineId, String stageId) {
        return deals.count(List.of(Condition.eq("pipelineId", pipelineId), Condition.eq("stageId", stageId)));
    }

    private static String name(PipelineDraft draft) {
        Validation v = new Validation();
        String name = v.required("name", draft.name(), 100);
        v.throwIfInvalid();
        return name;
    }

    private List<Stage> stages(PipelineDraft draft, List<Stage> existing) {
        Validation v = new Validation();
        List<StageDraft> in = draft.stages() == null ? List.of() : draft.stages();
        if (in.isEmpty() || in.size() > 20) {
            v.error("stages", "a pipeline has 1 to 20 stages");
            v.throwIfInvalid();
        }
        List<Stage> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            StageDraft s = in.get(i);
            String field = "stages[" + i + "]";
            if (s == null) {
                v.error(field, "must not be null");
                continue;
            }
            String name = v.required(field + ".name", s.name(), 60);
            if (name != null && !names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                v.error(field + ".name", "is used by another stage");
            }
            int probability = s.probability() == null ? 0 : s.probability();
            if (probability < 0 || probability > 100) {
                v.error(field + ".probability", "must be between 0 and 100");
            }
            StageKind kind = s.kind() == null ? StageKind.OPEN : s.kind();
            String id = s.id();
            if (id == null) {
                id = context.ids().newId();
            } else if (existing.stream().noneMatch(e -> e.id().equals(s.id()))) {
                v.error(field + ".id", "is not a stage of this pipeline; leave it out for a new stage");
            }
            if (!ids.add(id)) {
                v.error(field + ".id", "appears twice");
            }
            out.add(new Stage(id, name, probability, kind));
        }
        if (out.stream().noneMatch(s -> s.kind() == StageKind.OPEN)) {
            v.error("stages", "a pipeline needs at least one open stage");
        }
        v.throwIfInvalid();
        return out;
    }

    private static RecordRef ref(String id) {
        return new RecordRef(RecordType.PIPELINE, id);
    }
}
