package com.litedesk.adapters.mongo;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DatabaseProvisioner;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Instance databases on one MongoDB server (a shared cluster, or the embedded server): database
 * {@code litedesk_<instance id>}, created with its indexes. Backups are gzipped JSON lines in MongoDB's
 * extended JSON — {@code {"c": collection, "d": document}} per line — so types (dates, decimals) survive.
 */
public final class MongoDatabaseProvisioner implements DatabaseProvisioner, AutoCloseable {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    private final String uri;
    private final MongoClient client;

    public MongoDatabaseProvisioner(String uri) {
        this.uri = uri;
        this.client = Clients.connect(uri, 60);
    }

    /** The database name of an instance. */
    public static String databaseName(String instanceId) {
        return "litedesk_" + instanceId.replace('-', '_');
    }

    @Override
    public InstanceDatabase create(String instanceId) {
        MongoInstanceRepositories.open(database(instanceId)); // creates the collections' indexes, idempotently
        return new InstanceDatabase(uri, databaseName(instanceId));
    }

    @Override
    public boolean exists(String instanceId) {
        return Blocking.all(client.listDatabaseNames()).contains(databaseName(instanceId));
    }

    @Override
    public void drop(String instanceId) {
        Blocking.one(database(instanceId).drop());
    }

    @Override
    public long dump(String instanceId, OutputStream out) {
        MongoDatabase db = database(instanceId);
        long count = 0;
        try {
            var gzip = new GZIPOutputStream(out, 1 << 16);
            var writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
            for (String collection : Blocking.all(db.listCollectionNames())) {
                for (Document document : Blocking.all(db.getCollection(collection).find().sort(new Document("_id", 1)))) {
                    writer.write(new Document("c", collection).append("d", document).toJson(EXTENDED));
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

    @Override
    public long restore(String instanceId, InputStream in) {
        MongoDatabase db = database(instanceId);
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
                if (!collection.equals(current) || batch.size() >= BATCH) {
                    flush(db, current, batch);
                    current = collection;
                }
                batch.add(entry.get("d", Document.class));
                count++;
            }
            flush(db, current, batch);
            MongoInstanceRepositories.open(db);
            return count;
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup cannot be read: " + e.getMessage(), e);
        }
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
