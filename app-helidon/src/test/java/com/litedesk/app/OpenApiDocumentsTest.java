package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents committed under {@code src/test/resources/openapi/} — what the client is generated from — are the
 * ones the servers serve. After a change of the API, {@code -Dlitedesk.openapi.write=true} writes them anew.
 */
class OpenApiDocumentsTest {

    private static final Path DIR = Path.of("src/test/resources/openapi");
    // keys in order, so that the committed file changes only where the API does
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @TempDir
    Path data;

    @Test
    void theCommittedInstanceDocumentIsTheOneAnInstanceServes() throws IOException {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            var answer = server.get("/openapi", null);
            assertThat(answer.json().at("/info/title").asText()).isEqualTo("LiteDesk instance API");
            compare(answer.json(), "instance.json");
        }
    }

    @Test
    void theCommittedControlPlaneDocumentIsTheOneTheControlPlaneServes() throws IOException {
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            var answer = server.admin("GET", "/openapi", null, null);
            assertThat(answer.json().at("/info/title").asText()).isEqualTo("LiteDesk control plane API");
            compare(answer.json(), "control-plane.json");
        }
    }

    private static void compare(JsonNode served, String name) throws IOException {
        ObjectNode normalized = served.deepCopy();
        ((ObjectNode) normalized.get("info")).put("version", "committed"); // the release number is not part of the contract
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("litedesk.openapi.write")) {
            Files.writeString(file, JSON.writeValueAsString(JSON.treeToValue(normalized, Map.class)) + "\n");
        }
        JsonNode committed = JSON.readTree(Files.readString(file));
        assertThat(committed).as("%s differs from what the server serves; run this test with -Dlitedesk.openapi.write=true "
                + "to write it anew, and commit it", file).isEqualTo(normalized);
    }
}
