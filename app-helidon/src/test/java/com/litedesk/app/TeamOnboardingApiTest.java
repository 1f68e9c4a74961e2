package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.adapters.smtp.SmtpStandIn;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Onboarding a team over HTTP: pending invitations with resend and revoke, the copyable link only while no mail
 * provider delivers mail (the development outbox) and never once one does (an SMTP server), user status with
 * deactivation and reactivation, and "forgot password".
 */
class TeamOnboardingApiTest {

    static TestServer outbox;
    static SmtpStandIn smtp;
    static TestServer delivering;

    @BeforeAll
    static void start() throws Exception {
        outbox = TestServer.inMemory(Map.of("LITEDESK_PUBLIC_URL", "http://acme.localhost:8080"));
        smtp = SmtpStandIn.start();
        delivering = TestServer.inMemory(Map.of("LITEDESK_INSTANCE_ID", "globex", "LITEDESK_MAIL", "smtp",
                "LITEDESK_SMTP_HOST", "127.0.0.1", "LITEDESK_SMTP_PORT", Integer.toString(smtp.port()), "LITEDESK_SMTP_SECURITY", "none",
                "LITEDESK_SMTP_FROM", "Globex CRM <crm@globex.example>", "LITEDESK_PUBLIC_URL", "http://globex.localhost:8080"));
    }

    @AfterAll
    static void stop() throws Exception {
        outbox.close();
        delivering.close();
        smtp.close();
    }

    private static String outboxText(TestServer server, String to) {
        return server.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(200)).items().stream()
                .filter(m -> m.to().equals(to)).reduce((a, b) -> b).orElseThrow().text();
    }

    private static String linkIn(String text, String path) {
        int at = text.indexOf("http");
        while (at >= 0 && !text.startsWith(path, text.indexOf("/", text.indexOf("//", at) + 2))) {
            at = text.indexOf("http", at + 1);
        }
        return text.substring(at).lines().findFirst().orElseThrow().strip();
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    private static void problem(TestServer.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    private static List<String> auditActions(TestServer server, String token) {
        List<String> out = new ArrayList<>();
        server.get("/api/audit?limit=200", token).json().get("items").forEach(e -> out.add(e.get("action").asText()));
        return out;
    }

    private static JsonNode invitationOf(TestServer server, String token, String email) {
        for (JsonNode i : server.get("/api/invitations", token).json().get("items")) {
            if (i.get("email").asText().equals(email)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void withoutAMailProviderTheInviterGetsACopyableLinkThatTheNewUserSignsInWith() {
        String owner = outbox.ownerToken();
        var created = outbox.post("/api/users", owner, Map.of("email", "ada@acme.test", "name", "Ada Lovelace", "role", "MANAGER"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("PENDING");
        String link = created.json().get("invitation").get("link").asText();
        assertThat(link).isEqualTo(linkIn(outboxText(outbox, "ada@acme.test"), "/set-password")).startsWith("http://acme.localhost:8080/set-password?token=");

        JsonNode pending = invitationOf(outbox, owner, "ada@acme.test");
        assertThat(pending.get("role").asText()).isEqualTo("MANAGER");
        assertThat(pending.get("invitedByName").asText()).isEqualTo(outbox.get("/api/auth/me", owner).json().get("name").asText());
        assertThat(pending.get("invitedAt").asText()).isNotBlank();
        assertThat(pending.get("expiresAt").asText()).isNotBlank();
        assertThat(pending.get("expired").asBoolean()).isFalse();
        assertThat(pending.get("link").asText()).isEqualTo(link);

        assertThat(outbox.post("/api/auth/set-password", null, Map.of("token", tokenOf(link), "password", "violet-harbour-lamp")).status())
                .isEqualTo(200);
        assertThat(outbox.login("ada@acme.test", "violet-harbour-lamp")).isNotBlank();
        assertThat(invitationOf(outbox, owner, "ada@acme.test")).isNull();
        String adaId = created.json().get("id").asText();
        assertThat(outbox.get("/api/users/" + adaId, owner).json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(auditActions(outbox, owner)).contains("invitation.create", "auth.password.set");
    }

    @Test
    void resendingGivesANewLinkAndTheOldOneStopsWorkingRevokingEndsTheInvitation() {
        String admin = outbox.tokenFor("admin-r@acme.test", Role.ADMIN, null);
        var created = outbox.post("/api/users", admin, Map.of("email", "bob@acme.test", "name", "Bob", "role", "USER")).json();
        String id = created.get("id").asText();
        String first = created.get("invitation").get("link").asText();
        var resent = outbox.post("/api/invitations/" + id + "/resend", admin, null);
        assertThat(resent.status()).isEqualTo(200);
        String second = resent.json().get("link").asText();
        assertThat(second).isNotEqualTo(first).isEqualTo(linkIn(outboxText(outbox, "bob@acme.test"), "/set-password"));
        problem(outbox.post("/api/auth/set-password", null, Map.of("token", tokenOf(first), "password", "violet-harbour-lamp")), 400);

        assertThat(outbox.delete("/api/invitations/" + id, admin).status()).isEqualTo(204);
        problem(outbox.post("/api/auth/set-password", null, Map.of("token", tokenOf(second), "password", "violet-harbour-lamp")), 400);
        assertThat(invitationOf(outbox, admin, "bob@acme.test")).isNull();
        assertThat(outbox.get("/api/users/" + id, admin).json().get("status").asText()).isEqualTo("DEACTIVATED");
        problem(outbox.delete("/api/invitations/" + id, admin), 409); // nothing pending any more
        problem(outbox.post("/api/invitations/" + id + "/resend", admin, null), 409);
        problem(outbox.post("/api/invitations/no-such-user/resend", admin, null), 404);
        assertThat(auditActions(outbox, admin)).contains("invitation.resend", "invitation.revoke");

        // reactivated before ever signing in: invited again
        var back = outbox.post("/api/users/" + id + "/reactivate", admin, null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("status").asText()).isEqualTo("PENDING");
        String third = back.json().get("invitation").get("link").asText();
        assertThat(outbox.post("/api/auth/set-password", null, Map.of("token", tokenOf(third), "password", "violet-harbour-lamp")).status())
                .isEqualTo(200);
    }

    @Test
    void onlyOwnersAndAdminsSeeResendOrRevokeInvitationsAndOthersChangeNothing() {
        String owner = outbox.ownerToken();
        String id = outbox.post("/api/users", owner, Map.of("email", "cy@acme.test", "name", "Cy", "role", "USER")).json().get("id").asText();
        for (Role role : List.of(Role.MANAGER, Role.USER, Role.VIEWER)) {
            String token = outbox.tokenFor("seer-" + role.name().toLowerCase() + "@acme.test", role, null);
            problem(outbox.get("/api/invitations", token), 403);
            problem(outbox.post("/api/invitations/" + id + "/resend", token, null), 403);
            problem(outbox.delete("/api/invitations/" + id, token), 403);
            if (role != Role.VIEWER) {
                var seen = outbox.get("/api/users/" + id, token).json();
                assertThat(seen.get("status").asText()).isEqualTo("PENDING");
                assertThat(seen.get("invitation").isNull()).isTrue();
                assertThat(outbox.get("/api/users?limit=200", token).raw().body()).doesNotContain("token=");
            }
        }
        assertThat(invitationOf(outbox, owner, "cy@acme.test").get("link").asText()).contains("token=");
    }

    @Test
    void withAMailProviderTheLinkIsMailedAndNeverInAnyAnswer() {
        String owner = delivering.ownerToken();
        int before = smtp.received.size();
        var created = delivering.post("/api/users", owner, Map.of("email", "dee@globex.test", "name", "Dee", "role", "USER"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("invitation").get("link").isNull()).isTrue();
        String id = created.json().get("id").asText();
        var resent = delivering.post("/api/invitations/" + id + "/resend", owner, null);
        assertThat(resent.json().get("link").isNull()).isTrue();
        for (var answer : List.of(created, resent, delivering.get("/api/invitations", owner), delivering.get("/api/users/" + id, owner),
                delivering.get("/api/users?limit=200", owner))) {
            assertThat(answer.raw().body()).doesNotContain("token=").doesNotContain("set-password");
        }
        assertThat(delivering.app.repositories().oneTimeTokens().list(com.litedesk.ports.store.Query.all(100)).items())
                .allSatisfy(t -> assertThat(t.link()).isNull());
        assertThat(delivering.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(100)).items())
                .allSatisfy(m -> assertThat(m.text()).doesNotContain("token="));
        assertThat(smtp.received.subList(before, smtp.received.size())).hasSize(2).allSatisfy(r -> {
            assertThat(r.mailFrom()).isEqualTo("crm@globex.example");
            assertThat(r.rcptTo()).containsExactly("dee@globex.test");
            assertThat(r.header("From")).isEqualTo("Globex CRM <crm@globex.example>");
            assertThat(r.body()).contains("http://globex.localhost:8080/set-password?token=");
        });
        String mailed = linkIn(smtp.received.getLast().body(), "/set-password");
        assertThat(delivering.post("/api/auth/set-password", null, Map.of("token", tokenOf(mailed), "password", "violet-harbour-lamp"))
                .status()).isEqualTo(200);
        assertThat(delivering.login("dee@globex.test", "violet-harbour-lamp")).isNotBlank();
    }

    @Test
    void aDeactivatedUserIsSignedOutAtOnceCannotSignInAndIsReactivatedTheOwnerIsNever() {
        String owner = outbox.ownerToken();
        String user = outbox.tokenFor("eve@acme.test", Role.USER, null);
        String id = outbox.get("/api/auth/me", user).json().get("id").asText();
        assertThat(outbox.delete("/api/users/" + id, owner).status()).isEqualTo(204);
        assertThat(outbox.get("/api/auth/me", user).status()).isEqualTo(401);
        problem(outbox.post("/api/auth/login", null, Map.of("email", "eve@acme.test", "password", TestServer.PASSWORD)), 401);
        assertThat(outbox.get("/api/users/" + id, owner).json().get("status").asText()).isEqualTo("DEACTIVATED");
        var back = outbox.post("/api/users/" + id + "/reactivate", owner, null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(back.json().get("invitation").isNull()).isTrue();
        assertThat(outbox.login("eve@acme.test", TestServer.PASSWORD)).isNotBlank();
        assertThat(auditActions(outbox, owner)).contains("user.deactivate", "user.reactivate");

        String ownerId = outbox.get("/api/auth/me", owner).json().get("id").asText();
        long version = outbox.get("/api/users/" + ownerId, owner).json().get("version").asLong();
        problem(outbox.delete("/api/users/" + ownerId, owner), 400);
        String admin = outbox.tokenFor("admin-d@acme.test", Role.ADMIN, null);
        problem(outbox.delete("/api/users/" + ownerId, admin), 403);
        var ownerNow = outbox.get("/api/users/" + ownerId, owner).json();
        assertThat(ownerNow.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ownerNow.get("version").asLong()).isEqualTo(version);
        problem(outbox.post("/api/users/" + id + "/reactivate", user, null), 401); // their old token is gone for good
        String plain = outbox.tokenFor("frank@acme.test", Role.USER, null);
        problem(outbox.post("/api/users/" + id + "/reactivate", plain, null), 403);
        problem(outbox.post("/api/users/nobody/reactivate", owner, null), 404);
    }

    @Test
    void forgotPasswordAnswersEveryAddressAlikeAndMailsAOneTimeLinkThatEndsEverySession() {
        String user = delivering.tokenFor("gil@globex.test", Role.USER, null);
        int before = smtp.received.size();
        var known = delivering.post("/api/auth/forgot-password", null, Map.of("email", "gil@globex.test"));
        var unknown = delivering.post("/api/auth/forgot-password", null, Map.of("email", "nobody@globex.test"));
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.raw().body()).isEqualTo(unknown.raw().body());
        assertThat(smtp.received).hasSize(before + 1);
        var mail = smtp.received.getLast();
        assertThat(mail.rcptTo()).containsExactly("gil@globex.test");
        String link = linkIn(mail.body(), "/reset-password");
        assertThat(link).startsWith("http://globex.localhost:8080/reset-password?token=");

        problem(delivering.post("/api/auth/reset-password", null, Map.of("token", tokenOf(link), "password", "short")), 400);
        assertThat(delivering.get("/api/auth/me", user).status()).isEqualTo(200); // the refused attempt changed nothing
        var reset = delivering.post("/api/auth/reset-password", null, Map.of("token", tokenOf(link), "password", "amber-canyon-river"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(delivering.get("/api/auth/me", user).status()).isEqualTo(401);
        problem(delivering.post("/api/auth/login", null, Map.of("email", "gil@globex.test", "password", TestServer.PASSWORD)), 401);
        String again = delivering.login("gil@globex.test", "amber-canyon-river");
        problem(delivering.post("/api/auth/reset-password", null, Map.of("token", tokenOf(link), "password", "amber-canyon-other")), 400);
        assertThat(auditActions(delivering, delivering.ownerToken())).contains("auth.password.reset.request", "auth.password.reset");
        assertThat(again).isNotBlank();
    }

    @Test
    void forgotPasswordIsLimitedPerAddressRefusesMalformedInputAndWithoutAProviderShowsTheLinkToNobody() {
        outbox.tokenFor("hal@acme.test", Role.USER, null);
        String owner = outbox.ownerToken();
        problem(outbox.post("/api/auth/forgot-password", null, Map.of("email", "not-an-address")), 400);
        problem(outbox.post("/api/auth/forgot-password", null, Map.of()), 400);
        problem(outbox.post("/api/auth/forgot-password", null, "{\"email\": 12"), 400);
        problem(outbox.post("/api/auth/forgot-password", null, Map.of("email", "x".repeat(300) + "@acme.test")), 400);
        for (int i = 0; i < 5; i++) {
            assertThat(outbox.post("/api/auth/forgot-password", null, Map.of("email", "hal@acme.test")).status()).isEqualTo(202);
        }
        long mails = outbox.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(200)).items().stream()
                .filter(m -> m.to().equals("hal@acme.test") && m.text().contains("/reset-password?token=")).count();
        assertThat(mails).isEqualTo(3);
        for (var answer : List.of(outbox.get("/api/invitations", owner), outbox.get("/api/users?limit=200", owner),
                outbox.get("/api/audit?limit=200", owner))) {
            assertThat(answer.raw().body()).doesNotContain("reset-password");
        }
        assertThat(outbox.app.repositories().oneTimeTokens().list(com.litedesk.ports.store.Query.all(200)).items().stream()
                .filter(t -> t.purpose().equals("RESET_PASSWORD"))).allSatisfy(t -> assertThat(t.link()).isNull());
    }
}
