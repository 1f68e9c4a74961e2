package com.litedesk.adapters.mongo;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import com.litedesk.ports.store.SearchTerms;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One collection of records. A unique key (email, domain) is stored as a derived lower-case field
 * with a unique index — for a record without one, "id:" + its id, so nulls never collide — which is
 * also what lets the embedded server answer lookups by it without scanning.
 */
class MongoRepository<T extends Record & Entity> implements Repository<T> {

    protected final MongoCollection<Document> collection;
    protected final RecordCodec<T> codec;
    private final String noun;
    private final String keyField;
    private final Function<T, String> key;

    MongoRepository(MongoCollection<Document> collection, Class<T> type, String noun, String keyField, Function<T, String> key) {
        this.collection = collection;
        this.codec = new RecordCodec<>(type);
        this.noun = noun;
        this.keyField = keyField;
        this.key = key;
        if (keyField != null) {
            Blocking.one(collection.createIndex(Indexes.ascending(keyField), new IndexOptions().unique(true).name(keyField)));
        }
        // The embedded server uses an index only when a filter names exactly its fields; conditional writes filter
        // on id and version, so this (trivially unique) index is what keeps them from scanning the collection.
        Blocking.one(collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("_id_version")));
        if (Searchable.class.isAssignableFrom(type)) {
            index(Indexes.ascending(MongoQueries.SEARCH));
        }
    }

    MongoRepository(MongoCollection<Document> collection, Class<T> type, String noun) {
        this(collection, type, noun, null, null);
    }

    /** Secondary indexes for a real MongoDB; the embedded server serves lookups only by unique ones. */
    void index(Bson keys) {
        try {
            Blocking.one(collection.createIndex(keys));
        } catch (LiteDeskException ignored) {
            // an index the server cannot build is an optimisation lost, not an error
        }
    }

    Document encode(T entity) {
        Document doc = codec.encode(entity);
        if (keyField != null) {
            String k = key.apply(entity);
            doc.put(keyField, k == null ? "id:" + entity.id() : k.toLowerCase(java.util.Locale.ROOT));
        }
        if (entity instanceof Searchable searchable) {
            SearchText text = searchable.searchText();
            Set<String> terms = new LinkedHashSet<>(SearchTerms.of(text.primary()));
            terms.addAll(SearchTerms.of(text.secondary()));
            doc.put(MongoQueries.SEARCH, List.copyOf(terms));
        }
        return doc;
    }

    /** A record of this collection from a document of a backup (derived fields are ignored and made again). */
    T decode(Document document) {
        return codec.decode(document);
    }

    /**
     * A filter on the id and the version as one plain document, which the {@code _id_version} index serves.
     * ({@code Filters.and} renders as {@code $and}, which the embedded server always answers by a scan.)
     */
    static Document byIdAndVersion(String id, long version) {
        return new Document("_id", id).append("version", version);
    }

    @Override
    public Optional<T> findById(String id) {
        return Optional.ofNullable(Blocking.one(collection.find(Filters.eq("_id", id)).limit(1))).map(codec::decode);
    }

    Optional<T> findByKey(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Blocking.one(collection.find(Filters.eq(keyField, value.toLowerCase(java.util.Locale.ROOT))).limit(1)))
                .map(codec::decode);
    }

    @Override
    public T insert(T entity) {
        Blocking.one(collection.insertOne(encode(entity)));
        return entity;
    }

    @Override
    public void insertAll(List<T> entities) {
        if (!entities.isEmpty()) {
            Blocking.one(collection.insertMany(entities.stream().map(this::encode).toList()));
        }
    }

    @Override
    public T replace(T entity, long expectedVersion) {
        UpdateResult result = Blocking.one(collection.replaceOne(
                byIdAndVersion(entity.id(), expectedVersion), encode(entity)));
        if (result == null || result.getMatchedCount() == 0) {
            throw missingOrStale(entity.id());
        }
        return entity;
    }

    @Override
    public void delete(String id, long expectedVersion) {
        DeleteResult result = Blocking.one(collection.deleteOne(byIdAndVersion(id, expectedVersion)));
        if (result == null || result.getDeletedCount() == 0) {
            throw missingOrStale(id);
        }
    }

    private LiteDeskException missingOrStale(String id) {
        return findById(id).isPresent() ? LiteDeskException.stale(noun, id) : LiteDeskException.notFound(noun, id);
    }

    /** How many matches a relevance sort ranks: the first ones in id order. */
    static final int RANKED = 2_000;

    @Override
    public Page<T> list(Query query) {
        if (query.byRelevance()) {
            return byRelevance(query);
        }
        Bson filter = MongoQueries.filter(query.where());
        if (query.after() != null) {
            filter = Filters.and(filter, MongoQueries.after(query.sort(), query.after()));
        }
        List<Document> docs = Blocking.all(collection.find(filter).sort(MongoQueries.sort(query.sort())).limit(query.limit() + 1));
        boolean more = docs.size() > query.limit();
        List<T> items = docs.stream().limit(query.limit()).map(codec::decode).toList();
        return new Page<>(items, more);
    }

    /**
     * Ranks the first {@link #RANKED} matches by {@link SearchTerms#score}: MongoDB's own text score knows no
     * prefixes, and the terms index finds the matches, not their order.
     */
    private Page<T> byRelevance(Query query) {
        List<List<String>> words = query.where().stream().filter(c -> c instanceof Condition.Matches)
                .map(c -> SearchTerms.query(((Condition.Matches) c).text())).findFirst().orElse(List.of());
        List<T> matches = new ArrayList<>(Blocking.all(collection.find(MongoQueries.filter(query.where()))
                .sort(new Document("_id", 1)).limit(RANKED)).stream().map(codec::decode).toList());
        Map<String, Integer> scores = new HashMap<>();
        matches.forEach(t -> scores.put(t.id(), t instanceof Searchable s ? SearchTerms.score(words, s.searchText()) : 0));
        matches.sort(Comparator.<T>comparingInt(t -> -scores.get(t.id())).thenComparing(Entity::id));
        int from = (int) Math.min(matches.size(), query.offset());
        int to = Math.min(matches.size(), from + query.limit());
        return new Page<>(matches.subList(from, to), to < matches.size());
    }

    @Override
    public long count(List<Condition> where) {
        Long n = Blocking.one(collection.countDocuments(MongoQueries.filter(where)));
        return n == null ? 0 : n;
    }
}
