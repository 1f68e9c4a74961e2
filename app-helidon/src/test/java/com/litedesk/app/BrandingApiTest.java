package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.identity.Role;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The brand over HTTP: read by anyone (the sign-in page), set by the Owner alone, refused whole when any part is bad. */
class BrandingApiTest {

    static final String PNG = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {
        (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});

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

    private static Map<String, Object> brand(String logo, String primary, String accent, String sender) {
        Map<String, Object> body = new HashMap<>();
        body.put("logo", logo);
        body.put("primaryColor", primary);
        body.put("accentColor", accent);
        body.put("mailSenderName", sender);
        return body;
    }

    private static void problem(TestServer.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void theOwnersBrandIsReadByAnyoneWithItsLogoAndNoSignIn() {
        var set = server.send("PUT", "/api/settings/branding", owner, brand(PNG, "#1f3a5f", "#7a1f5c", "Acme Sales"), Map.of());
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.json().get("branding").get("mailSenderName").asText()).isEqualTo("Acme Sales");

        var shown = server.get("/api/branding", null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("primaryColor").asText()).isEqualTo("#1f3a5f");
        assertThat(shown.json().has("logo")).as("the logo's bytes are read from their own address").isFalse();
        String logoUrl = shown.json().get("logoUrl").asText();
        var logo = server.get(logoUrl, null);
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Content-Type")).isEqualTo("image/png");
        assertThat(logo.header("Cache-Control")).contains("max-age");
        assertThat(logo.raw().body()).startsWith("\uFFFDPNG");

        var cleared = server.send("PUT", "/api/settings/branding", owner, brand(null, null, null, null), Map.of());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(server.get("/api/branding", null).json().get("logoUrl").isNull()).isTrue();
        problem(server.get("/api/branding/logo", null), 404);
    }

    @Test
    void nobodyButTheOwnerChangesTheBrandAndBadPartsAreRefusedNamingEach() {
        String admin = server.tokenFor("admin@acme.test", Role.ADMIN, null);
        problem(server.send("PUT", "/api/settings/branding", admin, brand(null, "#1f3a5f", null, null), Map.of()), 403);
        problem(server.send("PUT", "/api/settings/branding", null, brand(null, "#1f3a5f", null, null), Map.of()), 401);
        var bad = server.send("PUT", "/api/settings/branding", owner, brand("data:image/svg+xml;base64,PHN2Zy8+", "#ffff00", "red", "A\u0000B"), Map.of());
        problem(bad, 400);
        assertThat(bad.raw().body()).contains("NUL").doesNotContain("primaryColor\":\"#ffff00");
        var named = server.send("PUT", "/api/settings/branding", owner, brand("data:image/svg+xml;base64,PHN2Zy8+", "#ffff00", "red", null), Map.of());
        problem(named, 400);
        assertThat(named.json().get("errors").toString()).contains("logo").contains("primaryColor").contains("accentColor");
        assertThat(server.get("/api/branding", null).json().get("primaryColor").isNull()).isTrue();
    }

    @Test
    void aViewerReadsTheCustomFieldDefinitionsThatItsRecordsShow() {
        String viewer = server.tokenFor("viewer@acme.test", Role.VIEWER, null);
        var fields = server.get("/api/settings/custom-fields", viewer);
        assertThat(fields.status()).as(fields.raw().body()).isEqualTo(200);
        assertThat(fields.json().get("customFields").isObject()).isTrue();
        problem(server.get("/api/settings", viewer), 403);
        problem(server.get("/api/settings/custom-fields", null), 401);
    }
}
