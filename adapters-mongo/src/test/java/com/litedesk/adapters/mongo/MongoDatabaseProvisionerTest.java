package com.litedesk.adapters.mongo;

import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.store.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Instance databases on the embedded server: created once, dumped, restored without loss, dropped. */
class MongoDatabaseProvisionerTest {

    @TempDir
    static Path dir;
    private static EmbeddedMongoServer server;
    private static MongoDatabaseProvisioner databases;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.start(dir.resolve("provisioner.mv"));
        databases = new MongoDatabaseProvisioner(server.connectionString());
    }

    @AfterAll
    static void stop() {
        databases.close();
        server.close();
    }

    @Test
    void aBackupRestoresEveryDocumentWithItsTypesIntoAnotherDatabase() {
        var source = databases.create("acme");
        assertThat(databases.create("acme")).isEqualTo(source);
        assertThat(source.name()).isEqualTo("litedesk_acme");
        try (var stores = MongoInstanceRepositories.connect(source.uri(), source.name())) {
            Instant at = Instant.parse("2026-03-01T09:00:00.123Z");
            for (int i = 0; i < 1_200; i++) {
                stores.repositories().contacts().insert(new Contact("c" + String.format("%05d", i), 1, "Ada", "Lovelace " + i,
                        List.of("ada" + i + "@example.com"), List.of(), null, null, List.of("vip"), "u1", null,
                        Map.of("score", 42), at, "u1", at, "u1"));
            }
            stores.repositories().deals().insert(new Deal("d1", 3, "Engine", new BigDecimal("25000.50"), "GBP", "sales", "won", "a0",
                    DealStatus.WON, at, LocalDate.parse("2026-04-30"), List.of("c00001"), null, "u1", null, Map.of(), at, "u1", at, "u1"));
        }

        var dump = new ByteArrayOutputStream();
        long documents = databases.dump("acme", dump);
        assertThat(documents).isGreaterThanOrEqualTo(1_201);

        databases.create("copy");
        assertThat(databases.restore("copy", new ByteArrayInputStream(dump.toByteArray()))).isEqualTo(documents);
        assertThat(databases.restore("copy", new ByteArrayInputStream(dump.toByteArray()))).isEqualTo(documents); // again: same content

        try (var copy = MongoInstanceRepositories.connect(server.connectionString(), "litedesk_copy");
             var original = MongoInstanceRepositories.connect(server.connectionString(), "litedesk_acme")) {
            var all = new Query(List.of(), List.of(), null, 5_000);
            assertThat(copy.repositories().contacts().list(all).items())
                    .hasSize(1_200)
                    .isEqualTo(original.repositories().contacts().list(all).items());
            assertThat(copy.repositories().deals().findById("d1")).isEqualTo(original.repositories().deals().findById("d1"));
            assertThat(copy.repositories().contacts().findByPrimaryEmail("ada7@example.com")).isPresent();
        }
    }

    @Test
    void dropRemovesTheDatabaseAndDroppingAgainDoesNothing() {
        databases.create("gone");
        assertThat(databases.exists("gone")).isTrue();
        databases.drop("gone");
        databases.drop("gone");
        assertThat(databases.exists("gone")).isFalse();
    }
}
