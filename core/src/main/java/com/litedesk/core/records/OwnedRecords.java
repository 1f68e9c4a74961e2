package com.litedesk.core.records;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The life cycle every owned CRM record shares — create, read, update, delete, list — with access
 * checks, ownership and team assignment, optimistic concurrency and auditing done once, here.
 * A subclass says how to validate a draft into a record and adds its own rules through the hooks.
 *
 * @param <T> the record
 * @param <D> the draft: the fields a client may write
 */
public abstract class OwnedRecords<T extends Record & Owned, D> {

    protected final RecordContext context;
    protected final Repository<T> repository;
    protected final Resource resource;
    protected final RecordType type;
    protected final ListQueries queries;
    /** The instance's custom fields: what a record's draft is checked against and what its list may filter on. */
    protected final CustomFields customFields;
    private final DeletedRecords deleted;

    protected OwnedRecords(RecordContext context, Repository<T> repository, Resource resource, RecordType type, FieldSet fields) {
        this.context = context;
        this.repository = repository;
        this.resource = resource;
        this.type = type;
        this.deleted = new DeletedRecords(context);
        this.customFields = new CustomFields(context.settings());
        this.queries = new ListQueries(fields, name -> customFields.filterField(type, name));
    }

    /** Validates a draft into a record with the given common fields; VALIDATION on bad input. */
    protected abstract T build(D draft, RecordBase base);

    /** The owner the draft asks for; null means "the actor" on create and "unchanged" on update. */
    protected abstract String requestedOwner(D draft);

    /** The draft that would rebuild this record (the starting point of a partial update). */
    public abstract D draftOf(T record);

    /** Rules beyond a single record (unique keys, plan limits), checked before an insert. */
    protected void beforeCreate(Actor actor, T record) {
    }

    /** Rules checked before an update is stored. */
    protected void beforeUpdate(Actor actor, T current, T updated) {
    }

    /** Rules checked before a delete. */
    protected void beforeDelete(Actor actor, T current) {
    }

    public T create(Actor actor, D draft) {
        context.guard().require(actor, resource, Action.CREATE);
        T record = prepareCreate(actor, draft);
        context.plan().requireStorageRoom();
        beforeCreate(actor, record);
        repository.insert(record);
        context.audit().recordSuccess(actor, action("create"), ref(record.id()), java.util.Map.of(), Changes.of(record));
        return record;
    }

    /** Builds a new record from a draft with all checks but none of the writes (imports use it). */
    protected T prepareCreate(Actor actor, D draft) {
        User owner = owner(requestedOwner(draft) == null ? actor.userId() : requestedOwner(draft), actor);
        Instant now = context.now();
        String ownerId = owner == null ? actor.userId() : owner.id();
        String teamId = owner == null ? actor.teamId() : owner.teamId();
        T record = build(draft, new RecordBase(context.ids().newId(), 1, ownerId, teamId, now, actor.userId(), now, actor.userId()));
        if (!ownerId.equals(actor.userId())) {
            // giving a record to someone else needs the right to edit it as it will be
            context.guard().require(actor, resource, Action.EDIT, record, ref(record.id()));
        }
        return record;
    }

    public T get(Actor actor, String id) {
        context.guard().require(actor, resource, Action.READ);
        return require(id);
    }

    /** Replaces the record's fields by the draft's; see {@link #update(Actor, String, Long, UnaryOperator)}. */
    public T update(Actor actor, String id, Long expectedVersion, D draft) {
        return update(actor, id, expectedVersion, current -> draft);
    }

    /**
     * Changes the record: {@code change} turns the draft of the record as it is now into the draft to write (a merge
     * patch, say). With an expected version, a record changed meanwhile is refused (412); without one the caller asked
     * for no precondition, so a lost race only means reading the record again and applying the change to what is
     * there now (see {@link #untilWritten}).
     */
    public T update(Actor actor, String id, Long expectedVersion, UnaryOperator<D> change) {
        return untilWritten(expectedVersion, () -> {
            T current = require(id);
            checkVersion(current, expectedVersion);
            context.guard().require(actor, resource, Action.EDIT, current, ref(id));
            T updated = prepareUpdate(actor, current, change.apply(draftOf(current)));
            beforeUpdate(actor, current, updated);
            repository.replace(updated, current.version());
            Changes.Diff diff = Changes.diff(current, updated);
            context.audit().recordSuccess(actor, action("update"), ref(id), diff.before(), diff.after());
            return updated;
        });
    }

    /** Enough for dozens of writers on one record: each round of a race has a winner. */
    private static final int UNCONDITIONAL_ATTEMPTS = 64;

    /**
     * Runs a read-then-write; when the caller gave no expected version and the write lost a race to another one (412),
     * runs it again ({@link com.litedesk.core.support.LostRaces}), up to {@value #UNCONDITIONAL_ATTEMPTS} times. With an
     * expected version the caller hears of the loss.
     */
    private static <R> R untilWritten(Long expectedVersion, Supplier<R> readThenWrite) {
        return com.litedesk.core.support.LostRaces.retry(expectedVersion == null ? UNCONDITIONAL_ATTEMPTS : 1, readThenWrite);
    }

    protected T prepareUpdate(Actor actor, T current, D draft) {
        String requested = requestedOwner(draft);
        String ownerId = current.ownerId();
        String teamId = current.teamId();
        if (requested != null && !requested.equals(current.ownerId())) {
            User owner = owner(requested, actor);
            ownerId = owner.id();
            teamId = owner.teamId();
        }
        Instant now = context.now();
        T updated = build(draft, new RecordBase(current.id(), current.version() + 1, ownerId, teamId,
                current.createdAt(), current.createdBy(), now, actor.userId()));
        if (!ownerId.equals(current.ownerId())) {
            context.guard().require(actor, resource, Action.EDIT, updated, ref(current.id()));
        }
        return updated;
    }

    public void delete(Actor actor, String id, Long expectedVersion) {
        untilWritten(expectedVersion, () -> {
            T current = require(id);
            checkVersion(current, expectedVersion);
            context.guard().require(actor, resource, Action.DELETE, current, ref(id));
            beforeDelete(actor, current);
            // the copy first: a crash in between leaves a spare copy of a record that still exists, never a lost one
            deleted.keep(type, current, actor.userId());
            repository.delete(id, current.version());
            context.audit().recordSuccess(actor, action("delete"), ref(id), Changes.of(current), java.util.Map.of());
            return null;
        });
    }

    /** How long a deleted record can be brought back. */
    public static final Duration KEPT_FOR = DeletedRecords.KEPT_FOR;

    /**
     * Brings back a record deleted within {@link #KEPT_FOR}, as it was, under its own id — so the deals, notes, tasks
     * and activities that still point at it are linked again. Whoever may delete the record may restore it; the rules
     * of a new record apply (plan limits, unique email or domain, a deal's stage must still exist). NOT_FOUND when
     * there is no such deleted record; a record that exists already is answered as it is.
     */
    public T restore(Actor actor, String id) {
        return deleted.restore(this, actor, id);
    }

    /** Rules checked before a deleted record comes back; those of a new record unless a subclass says more. */
    protected void beforeRestore(Actor actor, T record) {
        beforeCreate(actor, record);
    }

    public ListResult<T> list(Actor actor, ListRequest request) {
        return list(actor, request, List.of());
    }

    protected ListResult<T> list(Actor actor, ListRequest request, List<Condition> fixed) {
        context.guard().require(actor, resource, Action.READ);
        Query query = queries.toQuery(request, fixed);
        return queries.page(repository, query, request);
    }

    /** Every record a list request selects, page by page, to a sink (exports). */
    public void forEach(Actor actor, ListRequest request, Consumer<T> sink) {
        context.guard().require(actor, resource, Action.EXPORT);
        Query query = queries.toQuery(request.withLimit(ListRequest.MAX_LIMIT), List.of());
        queries.forEach(query, repository::list, sink);
    }

    /** Every record, page by page in id order, for whoever may read them (a check of the whole list, such as duplicates). */
    public void forEachReadable(Actor actor, Consumer<T> sink) {
        context.guard().require(actor, resource, Action.READ);
        queries.forEach(queries.toQuery(ListRequest.firstPage().withLimit(ListRequest.MAX_LIMIT), List.of()), repository::list, sink);
    }

    public T require(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw LiteDeskException.notFound(noun(), String.valueOf(id));
        }
        return repository.findById(id).orElseThrow(() -> LiteDeskException.notFound(noun(), id));
    }

    public RecordRef ref(String id) {
        return new RecordRef(type, id);
    }

    protected String action(String verb) {
        return type.name().toLowerCase(Locale.ROOT) + "." + verb;
    }

    protected String noun() {
        String name = type.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void checkVersion(T current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale(noun(), current.id());
        }
    }

    /** The owner a record is given, or null for the actor themselves (authenticated just now, so active). */
    private User owner(String userId, Actor actor) {
        if (userId.equals(actor.userId())) {
            return null;
        }
        User user = context.users().findById(userId).orElse(null);
        if (user == null || !user.active()) {
            throw LiteDeskException.invalid("ownerId", "is not an active user of this instance");
        }
        return user;
    }
}
