package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public demo form over real HTTP: a submission never changes an existing request by itself, the answer is the
 * same whether the email had a request or not, a repeat takes effect only through the link mailed to that address,
 * and a subdomain held by an unconfirmed repeat is released after LITEDESK_DEMO_CONFIRMATION_TTL.
 */
class PublicDemoFormTest {

    @TempDir
    static Path data;
    static PlatformServer server;
    static String admin;

    @BeforeAll
    static void start() {
        server = PlatformServer.start(data, Map.of("LITEDESK_DEMO_CONFIRMATION_TTL", "PT2S"));
        admin = server.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.Answer submit(String company, String email, String subdomain) {
        return server.send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", company,
                "contactName", "Someone", "email", email, "subdomain", subdomain), Map.of());
    }

    private static JsonNode request(String id) {
        return server.admin("GET", "/api/admin/demo-requests/" + id, admin, null).json();
    }

    /** The newest mail to {@code to} in the development outbox whose text matches {@code pattern}'s first group. */
    private static String mailed(String to, String pattern) {
        for (JsonNode mail : server.admin("GET", "/api/admin/outbox?limit=200", admin, null).json().get("items")) {
            var m = Pattern.compile(pattern).matcher(mail.get("text").asText());
            if (mail.get("to").asText().equals(to) && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no such mail to " + to);
    }

    @Test
    void aFirstAndARepeatSubmissionAreAnsweredAlikeAndTheRepeatChangesNothingByItself() {
        var first = submit("Acme Ltd", "ada@acme.test", "acme");
        String id = server.requestIdOf(admin, "ada@acme.test");
        var repeat = submit("Mallory Inc", "ADA@acme.test", "mallory");

        for (var answer : java.util.List.of(first, repeat)) {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.header("Location")).isNull();
        }
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.raw().body()).isEqualTo(first.raw().body()).doesNotContain(id);
        assertThat(first.json().get("message").asText()).contains("check your email");

        var open = request(id);
        assertThat(open.get("companyName").asText()).isEqualTo("Acme Ltd");
        assertThat(open.get("subdomain").asText()).isEqualTo("acme");
        assertThat(open.get("submissions").asInt()).isEqualTo(1);
        assertThat(server.admin("GET", "/api/admin/demo-requests", admin, null).json().get("items"))
                .filteredOn(r -> r.get("email").asText().equals("ada@acme.test")).hasSize(1);
        assertThat(mailed("ada@acme.test", "(received your LiteDesk demo request|We will be in touch)")).isNotNull();

        // the address's owner confirms through the mailed link, as the demo page does
        String token = mailed("ada@acme.test", "/\\?confirm=([A-Za-z0-9_-]+)");
        var confirmed = server.send("localhost", "POST", "/api/public/demo-requests/confirm", null, Map.of("token", token), Map.of());
        assertThat(confirmed.status()).as(confirmed.raw().body()).isEqualTo(200);
        assertThat(confirmed.json().get("subdomain").asText()).isEqualTo("mallory");
        var merged = request(id);
        assertThat(merged.get("companyName").asText()).isEqualTo("Mallory Inc");
        assertThat(merged.get("submissions").asInt()).isEqualTo(2);

        var again = server.send("localhost", "POST", "/api/public/demo-requests/confirm", null, Map.of("token", token), Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("token");
        assertThat(server.send("localhost", "POST", "/api/public/demo-requests/confirm", null, Map.of(), Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aRepeatTakesAboutAsLongToAnswerAsAFirstSubmission() {
        for (int i = 0; i < 5; i++) { // warm up both paths
            submit("Warm", "warm" + i + "@x.test", "warm" + i);
            submit("Warm", "warm" + i + "@x.test", "warm" + i + "-b");
        }
        long[] first = new long[15];
        long[] repeat = new long[15];
        for (int i = 0; i < first.length; i++) {
            long t0 = System.nanoTime();
            assertThat(submit("Timed", "timed" + i + "@x.test", "timed" + i).status()).isEqualTo(202);
            long t1 = System.nanoTime();
            assertThat(submit("Timed", "timed" + i + "@x.test", "timed" + i + "-b").status()).isEqualTo(202);
            long t2 = System.nanoTime();
            first[i] = t1 - t0;
            repeat[i] = t2 - t1;
        }
        java.util.Arrays.sort(first);
        java.util.Arrays.sort(repeat);
        long firstMedian = first[first.length / 2] / 1_000_000;
        long repeatMedian = repeat[repeat.length / 2] / 1_000_000;
        assertThat(Math.abs(repeatMedian - firstMedian)).as("first %d ms, repeat %d ms", firstMedian, repeatMedian).isLessThan(50);
    }

    @Test
    void theOperatorStillConvertsTheOpenRequestWhileARepeatAwaitsConfirmation() {
        String id = server.submit(admin, "initech", "bill@initech.test");
        assertThat(submit("Initrode", "bill@initech.test", "initrode").status()).isEqualTo(202);
        var converted = server.admin("POST", "/api/admin/demo-requests/" + id + "/convert", admin, null);
        assertThat(converted.status()).isEqualTo(202);
        assertThat(server.awaitState(admin, converted.json().get("instanceId").asText(), java.util.Set.of("READY"))
                .get("subdomain").asText()).isEqualTo("initech");
    }

    @Test
    void aSubdomainHeldByAnUnconfirmedRepeatIsReleasedAfterTheConfirmationTime() throws Exception {
        submit("Globex", "hank@globex.test", "globex");
        submit("Globex Two", "hank@globex.test", "globex-two");
        String token = mailed("hank@globex.test", "/\\?confirm=([A-Za-z0-9_-]+)");
        assertThat(server.admin("GET", "/api/public/subdomains/globex-two", null, null).json().get("available").asBoolean()).isFalse();
        var taken = submit("Other", "olga@other.test", "globex-two");
        assertThat(taken.status()).isEqualTo(400);

        Thread.sleep(2_200);

        assertThat(server.admin("GET", "/api/public/subdomains/globex-two", null, null).json().get("available").asBoolean()).isTrue();
        assertThat(submit("Other", "olga@other.test", "globex-two").status()).isEqualTo(202);
        var late = server.send("localhost", "POST", "/api/public/demo-requests/confirm", null, Map.of("token", token), Map.of());
        assertThat(late.status()).isEqualTo(400);
        assertThat(request(server.requestIdOf(admin, "hank@globex.test")).get("subdomain").asText()).isEqualTo("globex");
    }
}
