package com.litedesk.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.util.concurrent.TimeUnit;

/** The one way this adapter connects: bounded server selection, connect and read timeouts. */
final class Clients {

    private Clients() {
    }

    static MongoClient connect(String uri, int readTimeoutSeconds) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS).readTimeout(readTimeoutSeconds, TimeUnit.SECONDS))
                .build());
    }
}
