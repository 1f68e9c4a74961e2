package com.litedesk.adapters.mongo;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.catalog.Catalog;
import com.litedesk.ports.platform.InstanceDatabase;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Instance databases on one MongoDB server (a shared cluster, or the embedded server): database
 * {@code litedesk_<instance id>}, created with its indexes. With a user key, each instance also gets a user of its
 * own, {@code litedesk_<instance id>} with readWrite on its database only, whose password is derived from the key
 * (so creating again gives the same credentials), and the connection string handed to the instance carries that
 * user instead of the control plane's. Backups are gzipped JSON lines in MongoDB's
 * extended JSON — {@code {"c": collection, "d": document}} per line — so types (dates, decimals) survive.
 */
public final class MongoDatabaseProvisioner implements DatabaseProvisioner, AutoCloseable {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;
    private static final int USER_NOT_FOUND = 11;
    private static final Pattern URI_PARTS = Pattern.compile("^(mongodb(?:\\+srv)?://)(?:[^@/]*@)?([^/?]+)/?([^?]*)(?:\\?(.*))?$");

    private final String uri;
    private final MongoClient client;
    private final byte[] userKey;

    /** Instances share the connection string's user (the embedded server has no users). */
    public MongoDatabaseProvisioner(String uri) {
        this(uri, null);
    }

    /** @param userKey at least 32 bytes from which instance users' passwords are derived, or null for no instance users */
    public MongoDatabaseProvisioner(String uri, byte[] userKey) {
        if (userKey != null && userKey.length < 32) {
            throw new IllegalArgumentException("the user key needs at least 32 bytes");
        }
        this.uri = uri;
        this.client = Clients.connect(uri, 60);
        this.userKey = userKey == null ? null : userKey.clone();
    }

    /** The database name of an instance. */
    public static String databaseName(String instanceId) {
        return InstanceDatabase.nameOf(instanceId);
    }

    @Override
    public InstanceDatabase create(String instanceId) {
        MongoDatabase db = database(instanceId);
        MongoInstanceRepositories.open(db); // creates the collections' indexes, idempotently
        if (userKey == null) {
            return new InstanceDatabase(uri, databaseName(instanceId));
        }
        String user = databaseName(instanceId);
        String password = passwordOf(instanceId);
        List<Document> roles = List.of(new Document("role", "readWrite").append("db", databaseName(instanceId)));
        Document existing = Blocking.one(db.runCommand(new Document("usersInfo", user)));
        boolean exists = existing != null && !existing.getList("users", Document.class, List.of()).isEmpty();
        Blocking.one(db.runCommand(new Document(exists ? "updateUser" : "createUser", user).append("pwd", password).append("roles", roles)));
        return new InstanceDatabase(withUser(uri, user, password, databaseName(instanceId)), databaseName(instanceId));
    }

    private String passwordOf(String instanceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(userKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("litedesk-database-user:" + instanceId).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code uri} with {@code user}'s credentials, authenticated against {@code database}; other options kept. */
    static String withUser(String uri, String user, String password, String database) {
        Matcher m = URI_PARTS.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MongoDB connection string: " + uri.replaceAll("//[^@/]*@", "//…@"));
        }
        List<String> options = new ArrayList<>();
        if (m.group(4) != null) {
            for (String option : m.group(4).split("&")) {
                if (!option.isBlank() && !option.toLowerCase(java.util.Locale.ROOT).startsWith("authsource=")) {
                    options.add(option);
                }
            }
        }
        options.add("authSource=" + database);
        return m.group(1) + URLEncoder.encode(user, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "@" + m.group(2) + "/" + database + "?" + String.join("&", options);
    }

    @Override
    public boolean exists(String instanceId) {
        return Blocking.all(client.listDatabaseNames()).contains(databaseName(instanceId));
    }

    @Override
    public void drop(String instanceId) {
        if (userKey != null) {
            try {
                Blocking.one(database(instanceId).runCommand(new Document("dropUser", databaseName(instanceId))));
            } catch (LiteDeskException e) {
                if (!(e.getCause() instanceof com.mongodb.MongoCommandException c && c.getErrorCode() == USER_NOT_FOUND)) {
                    throw e;
                }
            }
        }
        Blocking.one(database(instanceId).drop());
    }

    /**
     * Every record of the instance as {@code {"c": collection, "d": record}} lines in MongoDB's canonical extended JSON,
     * gzipped, collections in the order of {@link Catalog#INSTANCE}; derived fields ({@code _emailKey}, {@code _search})
     * are left out, so the backup holds the records alone and any storage adapter can restore it.
     */
    @Override
    public long dump(String instanceId, OutputStream out) {
        MongoDatabase db = database(instanceId);
        long count = 0;
        try {
            var gzip = new GZIPOutputStream(out, 1 << 16);
            var writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
            for (Catalog.Kind<?> kind : Catalog.INSTANCE) {
                for (Document document : Blocking.all(db.getCollection(kind.name()).find().sort(new Document("_id", 1)))) {
                    document.keySet().removeIf(key -> key.startsWith("_") && !key.equals("_id"));
                    writer.write(new Document("c", kind.name()).append("d", document).toJson(EXTENDED));
                    writer.write('\n');
                    count++;
                }
            }
            writer.flush();
            gzip.finish();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the instance's records with those of a backup, each read as its record type and stored again, so
     * derived fields and indexes are made as for any write. A collection this version does not know fails the restore.
     */
    @Override
    public long restore(String instanceId, InputStream in) {
        MongoDatabase db = database(instanceId);
        var collections = MongoInstanceRepositories.collections(db).byName();
        long count = 0;
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
            for (String collection : Blocking.all(db.listCollectionNames())) {
                Blocking.one(db.getCollection(collection).deleteMany(new Document()));
            }
            String current = null;
            List<Document> batch = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Document entry = Document.parse(line);
                String collection = entry.getString("c");
                MongoRepository<?> repository = collections.get(collection);
                if (repository == null) {
                    throw LiteDeskException.unavailable("the backup holds a collection this version does not know: " + collection, null);
                }
                if (!collection.equals(current) || batch.size() >= BATCH) {
                    flush(db, current, batch);
                    current = collection;
                }
                batch.add(reencode(repository, entry.get("d", Document.class)));
                count++;
            }
            flush(db, current, batch);
            return count;
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T extends Record & com.litedesk.ports.store.Entity> Document reencode(MongoRepository<T> repository, Document stored) {
        return repository.encode(repository.decode(stored));
    }

    private static void flush(MongoDatabase db, String collection, List<Document> batch) {
        if (collection != null && !batch.isEmpty()) {
            Blocking.one(db.getCollection(collection).insertMany(List.copyOf(batch)));
        }
        batch.clear();
    }

    private MongoDatabase database(String instanceId) {
        return client.getDatabase(databaseName(instanceId));
    }

    @Override
    public void close() {
        client.close();
    }
}
