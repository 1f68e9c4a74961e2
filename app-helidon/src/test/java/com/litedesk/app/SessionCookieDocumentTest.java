package com.litedesk.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The document says which answers set the session cookie and which requests read it with X-CSRF. */
class SessionCookieDocumentTest {

    @Test
    void loginRefreshAndLogoutDocumentTheirCookieAndTheCsrfHeader() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            var paths = server.get("/openapi", null).json().get("paths");
            for (String path : List.of("/api/auth/login", "/api/auth/refresh", "/api/auth/logout")) {
                var post = paths.get(path).get("post");
                var ok = post.get("responses").has("200") ? post.get("responses").get("200") : post.get("responses").get("204");
                assertThat(ok.get("headers").has("Set-Cookie")).as(path).isTrue();
                List<String> headers = new ArrayList<>();
                post.path("parameters").forEach(p -> headers.add(p.get("name").asText()));
                if (path.endsWith("/login")) {
                    assertThat(headers).as(path).doesNotContain("X-CSRF");
                } else {
                    assertThat(headers).as(path).contains("X-CSRF");
                }
            }
        }
    }
}
