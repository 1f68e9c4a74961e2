package com.litedesk.core.memory;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import com.litedesk.ports.store.SearchTerms;
import com.litedesk.ports.store.Searchable;
import com.litedesk.ports.store.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A repository in memory, with the same semantics as the database adapter: unique keys,
 * optimistic versions, MongoDB-like matching and ordering, keyset pagination. One lock per
 * repository keeps every operation atomic.
 */
class MemoryRepository<T extends Entity> implements Repository<T> {

    private final String noun;
    private final Function<T, String> uniqueKey;
    private final TreeMap<String, T> byId = new TreeMap<>();
    private final Map<String, String> idByKey = new HashMap<>();

    /** @param uniqueKey the normalised unique key of a record, or null for records without one */
    MemoryRepository(String noun, Function<T, String> uniqueKey) {
        this.noun = noun;
        this.uniqueKey = uniqueKey;
    }

    MemoryRepository(String noun) {
        this(noun, t -> null);
    }

    @Override
    public synchronized Optional<T> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized Optional<T> findByKey(String key) {
        String id = key == null ? null : idByKey.get(key);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized T insert(T entity) {
        if (byId.containsKey(entity.id())) {
            throw LiteDeskException.conflict(noun + " " + entity.id() + " exists already");
        }
        String key = uniqueKey.apply(entity);
        if (key != null && idByKey.containsKey(key)) {
            throw LiteDeskException.conflict("another " + noun + " has the key " + key);
        }
        byId.put(entity.id(), entity);
        if (key != null) {
            idByKey.put(key, entity.id());
        }
        return entity;
    }

    @Override
    public synchronized void insertAll(List<T> entities) {
        entities.forEach(this::insert);
    }

    @Override
    public synchronized T replace(T entity, long expectedVersion) {
        T current = byId.get(entity.id());
        if (current == null) {
            throw LiteDeskException.notFound(noun, entity.id());
        }
        if (current.version() != expectedVersion) {
            throw LiteDeskException.stale(noun, entity.id());
        }
        String oldKey = uniqueKey.apply(current);
        String newKey = uniqueKey.apply(entity);
        if (newKey != null && !newKey.equals(oldKey) && idByKey.containsKey(newKey)) {
            throw LiteDeskException.conflict("another " + noun + " has the key " + newKey);
        }
        if (oldKey != null) {
            idByKey.remove(oldKey);
        }
        if (newKey != null) {
            idByKey.put(newKey, entity.id());
        }
        byId.put(entity.id(), entity);
        return entity;
    }

    /** Applies a change to the stored record atomically; empty when there is none. */
    synchronized Optional<T> update(String id, UnaryOperator<T> change) {
        T current = byId.get(id);
        if (current == null) {
            return Optional.empty();
        }
        T next = change.apply(current);
        if (next != current) {
            byId.put(id, next);
        }
        return Optional.of(next);
    }

    synchronized void updateAll(List<Condition> where, UnaryOperator<T> change) {
        for (T t : new ArrayList<>(byId.values())) {
            if (Matcher.matches(t, where)) {
                byId.put(t.id(), change.apply(t));
            }
        }
    }

    @Override
    public synchronized void delete(String id, long expectedVersion) {
        T current = byId.get(id);
        if (current == null) {
            throw LiteDeskException.notFound(noun, id);
        }
        if (current.version() != expectedVersion) {
            throw LiteDeskException.stale(noun, id);
        }
        byId.remove(id);
        String key = uniqueKey.apply(current);
        if (key != null) {
            idByKey.remove(key);
        }
    }

    @Override
    public synchronized Page<T> list(Query query) {
        List<T> matching = new ArrayList<>();
        for (T t : byId.values()) {
            if (Matcher.matches(t, query.where())) {
                matching.add(t);
            }
        }
        if (query.byRelevance()) {
            return byRelevance(matching, query);
        }
        matching.sort(order(query));
        int from = 0;
        if (query.after() != null) {
            while (from < matching.size() && compareToAfter(matching.get(from), query) <= 0) {
                from++;
            }
        }
        int to = Math.min(matching.size(), from + query.limit());
        return new Page<>(matching.subList(from, to), to < matching.size());
    }

    /** Best matches of the query's search first, then by id; a page starts at the query's offset. */
    private Page<T> byRelevance(List<T> matching, Query query) {
        List<List<String>> words = query.where().stream().filter(c -> c instanceof Condition.Matches)
                .map(c -> SearchTerms.query(((Condition.Matches) c).text())).findFirst().orElse(List.of());
        Map<String, Integer> scores = new HashMap<>();
        for (T t : matching) {
            scores.put(t.id(), t instanceof Searchable s ? SearchTerms.score(words, s.searchText()) : 0);
        }
        matching.sort(Comparator.<T>comparingInt(t -> -scores.get(t.id())).thenComparing(Entity::id));
        int from = (int) Math.min(matching.size(), query.offset());
        int to = Math.min(matching.size(), from + query.limit());
        return new Page<>(matching.subList(from, to), to < matching.size());
    }

    @Override
    public synchronized long count(List<Condition> where) {
        return byId.values().stream().filter(t -> Matcher.matches(t, where)).count();
    }

    synchronized List<T> all() {
        return List.copyOf(byId.values());
    }

    private static <T extends Entity> Comparator<T> order(Query query) {
        Comparator<T> order = (a, b) -> 0;
        for (SortKey key : query.sort()) {
            Comparator<T> byKey = Comparator.comparing(t -> Values.read(t, key.field()), Values.ORDER);
            order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
        }
        Comparator<T> byId = Comparator.comparing(Entity::id);
        return order.thenComparing(query.descendingIds() ? byId.reversed() : byId);
    }

    private static int compareToAfter(Entity t, Query query) {
        List<SortKey> sort = query.sort();
        List<Object> after = query.after();
        for (int i = 0; i < sort.size(); i++) {
            int c = Values.compare(Values.read(t, sort.get(i).field()), after.get(i));
            if (c != 0) {
                return sort.get(i).descending() ? -c : c;
            }
        }
        int c = t.id().compareTo((String) after.getLast());
        return query.descendingIds() ? -c : c;
    }

    static LiteDeskException appendOnly(String noun) {
        return new LiteDeskException(ErrorCode.CONFLICT, noun + " entries are append-only");
    }
}
