package com.litedesk.app;

import com.litedesk.ports.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits count per caller: a user's requests against that user, anonymous ones against the client's address,
 * and X-Forwarded-For only from a configured proxy.
 */
class RateLimitTest {

    private static final int PER_MINUTE = 20;

    private static int anonymousUntilLimited(TestServer server, Map<String, String> headers) {
        for (int i = 1; i <= PER_MINUTE * 3; i++) {
            var answer = server.send("GET", "/api/contacts?limit=1", null, null, headers);
            if (answer.status() == 429) {
                assertThat(answer.header("Retry-After")).isNotNull();
                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(answer.json().get("code").asText()).isEqualTo("RATE_LIMITED");
                return i;
            }
            assertThat(answer.status()).isEqualTo(401);
        }
        return -1;
    }

    @Test
    void pagesAndTheirFilesAreNotCountedSoThatReloadingTheCrmNeverLeavesABlankPage() {
        try (TestServer server = TestServer.inMemory(Map.of("LITEDESK_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE)))) {
            assertThat(anonymousUntilLimited(server, Map.of())).isBetween(2, PER_MINUTE + 1);
            for (int i = 0; i < PER_MINUTE * 3; i++) {
                for (String path : java.util.List.of("/", "/assets/ui.css", "/assets/crm/main.js", "/webjars/vue/dist/vue.esm-browser.prod.js")) {
                    assertThat(server.raw("GET", path, null, null, null, Map.of()).status()).as(path).isEqualTo(200);
                }
            }
            assertThat(server.send("GET", "/api/contacts?limit=1", null, null, Map.of()).status()).as("the API is still limited").isEqualTo(429);
            assertThat(server.raw("POST", "/api/auth/login", null, "{}", "application/json", Map.of()).status()).isEqualTo(429);
        }
    }

    @Test
    void anAnonymousFloodExhaustsOnlyItsOwnAddressNeverTheUsersOfTheInstance() {
        try (TestServer server = TestServer.inMemory(Map.of("LITEDESK_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE)))) {
            String owner = server.ownerToken();
            String user = server.tokenFor("user@acme.test", Role.USER, null);

            assertThat(anonymousUntilLimited(server, Map.of())).isBetween(2, PER_MINUTE + 1);
            // the same address, but signed-in: each user has a bucket of their own
            assertThat(server.get("/api/contacts?limit=1", owner).status()).isEqualTo(200);
            assertThat(server.get("/api/contacts?limit=1", user).status()).isEqualTo(200);
            // a token that is not valid here is an anonymous request, not somebody's
            assertThat(server.get("/api/contacts?limit=1", owner.substring(0, owner.length() - 2) + "xx").status()).isEqualTo(429);

            int ownerLimitedAt = -1;
            for (int i = 1; i <= PER_MINUTE * 2 && ownerLimitedAt < 0; i++) {
                if (server.get("/api/contacts?limit=1", owner).status() == 429) {
                    ownerLimitedAt = i;
                }
            }
            assertThat(ownerLimitedAt).isBetween(2, PER_MINUTE + 1);
            assertThat(server.get("/api/contacts?limit=1", user).status()).isEqualTo(200);
        }
    }

    @Test
    void xForwardedForFromAPeerThatIsNotAConfiguredProxyIsIgnored() {
        try (TestServer server = TestServer.inMemory(Map.of("LITEDESK_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE)))) {
            assertThat(anonymousUntilLimited(server, Map.of("X-Forwarded-For", "203.0.113.1"))).isPositive();
            // claiming another address from loopback does not buy a new bucket
            assertThat(server.send("GET", "/api/contacts", null, null, Map.of("X-Forwarded-For", "203.0.113.2")).status())
                    .isEqualTo(429);
        }
    }

    @Test
    void behindAConfiguredProxyEachForwardedClientHasItsOwnBucket() {
        try (TestServer server = TestServer.inMemory(Map.of("LITEDESK_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE),
                "LITEDESK_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
            assertThat(anonymousUntilLimited(server, Map.of("X-Forwarded-For", "203.0.113.1"))).isPositive();
            assertThat(server.send("GET", "/api/contacts", null, null, Map.of("X-Forwarded-For", "203.0.113.2")).status())
                    .isEqualTo(401);
            // a client prepending an address of its own choosing is still counted as itself
            assertThat(server.send("GET", "/api/contacts", null, null, Map.of("X-Forwarded-For", "198.51.100.9, 203.0.113.1"))
                    .status()).isEqualTo(429);
        }
    }
}
