package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files as spreadsheets write them: ';' or tab separated, a byte order mark, other tools' column names. */
class ImportFilesApiTest {

    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(Map.of());
        owner = server.ownerToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSemicolonSeparatedFileWithAByteOrderMarkIsReadAndThePreviewShowsTheMatchedColumns() {
        String csv = "\uFEFFFirst Name;Last Name;E-mail Address;Tags;Notes\r\n"
                + "Ada;Lovelace;ada@engine.test;\"vip;math\";met in 1833\r\n"
                + "Charles;Babbage;cb@engine.test;;\r\n";
        var preview = server.raw("POST", "/api/contacts/import?dryRun=true", owner, csv, "text/csv", Map.of());
        assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
        assertThat(preview.json().get("created").asLong()).isEqualTo(2);
        assertThat(preview.json().get("columns").toString())
                .contains("{\"column\":\"First Name\",\"field\":\"firstname\"}")
                .contains("{\"column\":\"E-mail Address\",\"field\":\"email\"}")
                .contains("{\"column\":\"Notes\",\"field\":null}");
        var done = server.raw("POST", "/api/contacts/import?map=" + java.net.URLEncoder.encode("Tags:ignored", java.nio.charset.StandardCharsets.UTF_8),
                owner, csv, "text/csv", Map.of());
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        var ada = server.get("/api/contacts?q=lovelace", owner).json().get("items").get(0);
        assertThat(ada.get("firstName").asText()).isEqualTo("Ada");
        assertThat(ada.get("emails").get(0).asText()).isEqualTo("ada@engine.test");
        assertThat(ada.get("tags").size()).as("the ignored column filled nothing").isZero();
    }

    @Test
    void aTabSeparatedFileIsReadToo() {
        String csv = "Surname\tEmail\nHopper\tgrace@navy.test\n";
        var done = server.raw("POST", "/api/contacts/import", owner, csv, "text/csv", Map.of());
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.json().get("created").asLong()).isEqualTo(1);
        assertThat(server.get("/api/contacts?q=hopper", owner).json().get("items").get(0).get("lastName").asText()).isEqualTo("Hopper");
    }
}
