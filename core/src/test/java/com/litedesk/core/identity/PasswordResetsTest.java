package com.litedesk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Forgot password": one answer for every address, a one-time link to the mailbox only, sessions ended after. */
class PasswordResetsTest {

    private final TestInstance instance = new TestInstance();
    private final PasswordResets resets = instance.crm.passwordResets();

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private String resetToken() {
        String text = instance.mailer.sent.getLast().text();
        int at = text.indexOf("/reset-password?token=");
        return text.substring(at + "/reset-password?token=".length()).lines().findFirst().orElseThrow().strip();
    }

    @Test
    void aResetLinkIsMailedToTheAccountWorksOnceAndEndsEverySession() {
        var session = instance.crm.auth().login("user@acme.test", "correct-horse-battery", null);
        resets.request(" USER@acme.test ", "r1");
        var mail = instance.mailer.sent.getLast();
        assertThat(mail.to()).isEqualTo("user@acme.test");
        assertThat(mail.text()).contains("http://acme.localhost:8080/reset-password?token=");
        String token = resetToken();
        resets.reset(token, "a-brand-new-secret", "r2");
        fails(() -> instance.crm.auth().authenticate(session.accessToken(), null), ErrorCode.UNAUTHENTICATED);
        fails(() -> instance.crm.auth().refresh(session.refreshToken()), ErrorCode.UNAUTHENTICATED);
        fails(() -> instance.crm.auth().login("user@acme.test", "correct-horse-battery", null), ErrorCode.UNAUTHENTICATED);
        assertThat(instance.crm.auth().login("user@acme.test", "a-brand-new-secret", null).accessToken()).isNotBlank();
        fails(() -> resets.reset(token, "yet-another-secret", null), ErrorCode.VALIDATION); // single use
        assertThat(instance.stores.audit().list(com.litedesk.ports.store.Query.all(500)).items()).extracting(e -> e.action())
                .contains("auth.password.reset.request", "auth.password.reset");
    }

    @Test
    void anUnknownOrDeactivatedAddressIsAnsweredAlikeAndNothingIsMailed() {
        instance.crm.users().deactivate(instance.owner, instance.as(Role.VIEWER).userId(), null);
        int mails = instance.mailer.sent.size();
        resets.request("nobody@acme.test", null);
        resets.request("viewer@acme.test", null);
        assertThat(instance.mailer.sent).hasSize(mails);
    }

    @Test
    void aResetLinkExpiresAfterAnHourAndAnInvitationLinkIsNoResetLink() {
        resets.request("user@acme.test", null);
        String token = resetToken();
        instance.clock.advance(Duration.ofMinutes(61));
        fails(() -> resets.reset(token, "a-brand-new-secret", null), ErrorCode.VALIDATION);
        instance.crm.users().create(instance.owner, new NewUser("ada@acme.test", "Ada", Role.USER, null, null));
        String invitation = instance.mailer.lastLinkToken();
        fails(() -> resets.reset(invitation, "a-brand-new-secret", null), ErrorCode.VALIDATION);
        resets.request("user@acme.test", null);
        String reset = resetToken();
        fails(() -> instance.crm.auth().setPassword(reset, "a-brand-new-secret", null), ErrorCode.VALIDATION);
    }

    @Test
    void aNewRequestMakesTheEarlierLinkStopWorking() {
        resets.request("user@acme.test", null);
        String first = resetToken();
        resets.request("user@acme.test", null);
        fails(() -> resets.reset(first, "a-brand-new-secret", null), ErrorCode.VALIDATION);
        resets.reset(resetToken(), "a-brand-new-secret", null);
    }

    @Test
    void atMostThreeRequestsPerAddressAnHourAreHonouredAndTheRestAnsweredAlike() {
        int mails = instance.mailer.sent.size();
        for (int i = 0; i < 5; i++) {
            resets.request("user@acme.test", null);
        }
        assertThat(instance.mailer.sent).hasSize(mails + 3);
        resets.request("manager@acme.test", null); // another address has its own count
        assertThat(instance.mailer.sent).hasSize(mails + 4);
        instance.clock.advance(Duration.ofMinutes(61));
        resets.request("user@acme.test", null);
        assertThat(instance.mailer.sent).hasSize(mails + 5);
    }

    @Test
    void aMalformedAddressOrAWeakPasswordIsRefusedAndChangesNothing() {
        fails(() -> resets.request(null, null), ErrorCode.VALIDATION);
        fails(() -> resets.request("not-an-address", null), ErrorCode.VALIDATION);
        fails(() -> resets.request("a@b".repeat(100), null), ErrorCode.VALIDATION);
        resets.request("user@acme.test", null);
        String token = resetToken();
        fails(() -> resets.reset(token, "short", null), ErrorCode.VALIDATION);
        fails(() -> resets.reset(token, "basketball", null), ErrorCode.VALIDATION);
        fails(() -> resets.reset(null, "a-brand-new-secret", null), ErrorCode.VALIDATION);
        resets.reset(token, "a-brand-new-secret", null); // the refused attempts left the link usable
    }

    @Test
    void aResetLinkIsNeverKeptInClearNorShownEvenWithoutAMailProvider() {
        instance.mailer.delivers = false;
        resets.request("user@acme.test", null);
        assertThat(instance.stores.oneTimeTokens().list(com.litedesk.ports.store.Query.all(100)).items())
                .allSatisfy(t -> assertThat(t.link()).isNull());
        assertThat(instance.crm.invitations().pending(instance.owner)).isEmpty();
    }
}
