package com.litedesk.core.crm.views;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.records.Guard;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.SavedView;
import com.litedesk.ports.crm.SavedViewRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Saved list views: anyone saves the list they shaped under a name for themselves; Owners, Admins and Managers may
 * share one with everybody (the access policy's VIEWS edit) and remove shared ones. A view is the list's URL query
 * (search, filter, sort, columns), which the list reads back and the server checks again when it is used.
 */
public final class SavedViews {

    /** What a client saves. */
    public record Draft(String list, String name, String query, boolean shared) {
    }

    private static final Set<String> LISTS = Set.of("contacts", "companies", "deals");
    private static final int MAX_PER_LIST = 50;

    private final SavedViewRepository views;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> ids;

    public SavedViews(SavedViewRepository views, Guard guard, AuditLog audit, Clock clock, Supplier<String> ids) {
        this.views = views;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** My views of a list and those shared with everyone, by name. */
    public List<SavedView> of(Actor actor, String list) {
        guard.require(actor, Resource.VIEWS, Action.READ);
        requireList(list);
        Map<String, SavedView> all = new LinkedHashMap<>();
        views.list(Query.where(List.of(Condition.eq("list", list), Condition.eq("userId", actor.userId())), MAX_PER_LIST * 2)).items()
                .forEach(v -> all.put(v.id(), v));
        views.list(Query.where(List.of(Condition.eq("list", list), Condition.eq("shared", true)), MAX_PER_LIST * 2)).items()
                .forEach(v -> all.put(v.id(), v));
        List<SavedView> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparing((SavedView v) -> v.name().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    public SavedView save(Actor actor, Draft draft) {
        guard.require(actor, Resource.VIEWS, Action.CREATE);
        if (draft == null) {
            throw LiteDeskException.invalid("body", "is required");
        }
        Validation v = new Validation();
        String name = v.required("name", draft.name(), 60);
        String query = v.optional("query", draft.query(), 2000);
        if (draft.list() == null || !LISTS.contains(draft.list())) {
            v.error("list", "must be one of " + String.join(", ", LISTS.stream().sorted().toList()));
        }
        v.throwIfInvalid();
        if (draft.shared() && !forEveryone(actor)) {
            throw guard.deny(actor, Resource.VIEWS, Action.EDIT, null); // sharing with everyone
        }
        long mine = views.count(List.of(Condition.eq("list", draft.list()), Condition.eq("userId", actor.userId())));
        if (mine >= MAX_PER_LIST) {
            throw LiteDeskException.invalid("name", "at most " + MAX_PER_LIST + " saved views per list; remove one first");
        }
        var now = clock.instant();
        SavedView view = new SavedView(ids.get(), 1, actor.userId(), draft.list(), name, query == null ? "" : query, draft.shared(), now, now);
        views.insert(view);
        audit.recordSuccess(actor, "view.create", null, Map.of(), Map.of("name", name, "list", draft.list(), "shared", Boolean.toString(draft.shared())));
        return view;
    }

    /** One of my views, or a shared one. */
    public SavedView get(Actor actor, String id) {
        guard.require(actor, Resource.VIEWS, Action.READ);
        return views.findById(id).filter(v -> v.userId().equals(actor.userId()) || v.shared())
                .orElseThrow(() -> LiteDeskException.notFound("Saved view", id));
    }

    /** Removes my view, or (for those who may) a shared one. */
    public void delete(Actor actor, String id) {
        SavedView view = views.findById(id).filter(v -> v.userId().equals(actor.userId()) || v.shared())
                .orElseThrow(() -> LiteDeskException.notFound("Saved view", id));
        if (!view.userId().equals(actor.userId())) {
            if (!forEveryone(actor)) {
                throw guard.deny(actor, Resource.VIEWS, Action.DELETE, null); // a view shared by someone else
            }
        }
        views.delete(id, view.version());
        audit.recordSuccess(actor, "view.delete", null, Map.of("name", view.name(), "list", view.list()), Map.of());
    }

    /** Whether the actor manages views for everyone: the policy's VIEWS edit on ALL (the others' is on their OWN). */
    private boolean forEveryone(Actor actor) {
        return guard.policy().scope(actor.role(), Resource.VIEWS, Action.EDIT) == com.litedesk.core.access.Scope.ALL;
    }

    private static void requireList(String list) {
        if (list == null || !LISTS.contains(list)) {
            throw LiteDeskException.invalid("list", "must be contacts, companies or deals");
        }
    }
}
