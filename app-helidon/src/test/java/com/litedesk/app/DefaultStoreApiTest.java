package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an HTTP test on the default store starts from: an instance on SQLite in a directory of its own, and its Owner's
 * token. A subclass's own {@code @BeforeAll} runs after this one (to seed data, define custom fields …).
 */
abstract class DefaultStoreApiTest {

    @TempDir
    static Path data;
    static TestServer server;
    static String owner;

    @BeforeAll
    static void startOnTheDefaultStore() {
        server = TestServer.onDisk(data, Map.of());
        owner = server.ownerToken();
    }

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    /** A problem+json answer with {@code status}. */
    static void problem(TestServer.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
