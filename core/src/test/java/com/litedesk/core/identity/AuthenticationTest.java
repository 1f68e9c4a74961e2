package com.litedesk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.TestTokens;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.instance.PlanLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private final TestInstance instance = new TestInstance();
    private final Authentication auth = instance.crm.auth();

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aLoginGivesATokenThatAuthenticatesAsTheUserWithTheRoleStoredNow() {
        TokenPair pair = auth.login("USER@acme.test", "correct-horse-battery", "r1");
        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(auth.authenticate(pair.accessToken(), "r2").role()).isEqualTo(Role.USER);
        var user = instance.crm.users().require(instance.as(Role.USER).userId());
        instance.crm.users().update(instance.owner, user.id(), null, new UserDraft(user.name(), Role.VIEWER, user.teamId(), true));
        assertThat(auth.authenticate(pair.accessToken(), "r3").role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void anAccessTokenExpiresAfterFifteenMinutes() {
        TokenPair pair = auth.login("user@acme.test", "correct-horse-battery", null);
        instance.clock.advance(Duration.ofMinutes(16));
        fails(() -> auth.authenticate(pair.accessToken(), null), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aTokenOfAnotherInstanceIsRejected() {
        String foreign = new TestTokens("key-b", "litedesk:instance:b", instance.clock).issue(
                new com.litedesk.ports.identity.AccessClaims(instance.owner.userId(), "litedesk:instance:b", "OWNER", "t",
                        instance.clock.instant(), instance.clock.instant().plusSeconds(900)));
        fails(() -> auth.authenticate(foreign, null), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeFamily() {
        TokenPair first = auth.login("user@acme.test", "correct-horse-battery", null);
        TokenPair second = auth.refresh(first.refreshToken());
        fails(() -> auth.refresh(first.refreshToken()), ErrorCode.UNAUTHENTICATED); // replayed
        fails(() -> auth.refresh(second.refreshToken()), ErrorCode.UNAUTHENTICATED); // the family is revoked
        TokenPair other = auth.login("user@acme.test", "correct-horse-battery", null);
        assertThat(auth.refresh(other.refreshToken()).refreshToken()).isNotBlank(); // other logins are unaffected
    }

    @Test
    void logoutEndsTheSession() {
        TokenPair pair = auth.login("user@acme.test", "correct-horse-battery", null);
        auth.logout(pair.refreshToken());
        fails(() -> auth.refresh(pair.refreshToken()), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            fails(() -> auth.login("user@acme.test", "wrong-password-123", null), ErrorCode.UNAUTHENTICATED);
        }
        fails(() -> auth.login("user@acme.test", "correct-horse-battery", null), ErrorCode.LOCKED);
        instance.clock.advance(Duration.ofMinutes(16));
        assertThat(auth.login("user@acme.test", "correct-horse-battery", null).accessToken()).isNotBlank();
    }

    @Test
    void anUnknownEmailAndAWrongPasswordLookAlike() {
        assertThatThrownBy(() -> auth.login("nobody@acme.test", "whatever-123", null)).hasMessage("wrong email or password");
        assertThatThrownBy(() -> auth.login("user@acme.test", "whatever-123", null)).hasMessage("wrong email or password");
    }

    @Test
    void anInvitationLinkSetsThePasswordOnce() {
        instance.crm.users().create(instance.owner, new NewUser("invitee@acme.test", "Invitee", Role.USER, null, null));
        String token = instance.mailer.lastLinkToken();
        fails(() -> auth.login("invitee@acme.test", "anything-at-all", null), ErrorCode.UNAUTHENTICATED);
        auth.setPassword(token, "my-own-password", null);
        assertThat(auth.login("invitee@acme.test", "my-own-password", null).accessToken()).isNotBlank();
        fails(() -> auth.setPassword(token, "another-password", null), ErrorCode.VALIDATION);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        TokenPair pair = auth.login("user@acme.test", "correct-horse-battery", null);
        var actor = instance.as(Role.USER);
        fails(() -> auth.changePassword(actor, "not-the-password", "brand-new-password"), ErrorCode.VALIDATION);
        auth.changePassword(actor, "correct-horse-battery", "brand-new-password");
        fails(() -> auth.refresh(pair.refreshToken()), ErrorCode.UNAUTHENTICATED);
        assertThat(auth.login("user@acme.test", "brand-new-password", null).accessToken()).isNotBlank();
    }

    @Test
    void aDeactivatedUserCannotLogInOrUseATokenAndTheSeatIsFreed() {
        TokenPair pair = auth.login("user@acme.test", "correct-horse-battery", null);
        instance.crm.users().deactivate(instance.owner, instance.as(Role.USER).userId(), null);
        fails(() -> auth.authenticate(pair.accessToken(), null), ErrorCode.UNAUTHENTICATED);
        fails(() -> auth.login("user@acme.test", "correct-horse-battery", null), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void theFourthUserOfAThreeSeatPlanIsRefusedUntilASeatIsFreed() {
        var crm = com.litedesk.core.LiteDesk.builder()
                .repositories(com.litedesk.core.memory.InMemoryInstanceRepositories.create())
                .passwordHasher(new com.litedesk.core.TestHasher())
                .tokenService(new TestTokens("k", "a", instance.clock)).mailer(instance.mailer).clock(instance.clock).build();
        var owner = crm.actorOf(crm.bootstrap("Trial", "trial", new PlanLimits(3, null, null, null), "o@t.test", "O", "correct-horse-battery"));
        crm.users().create(owner, new NewUser("a@t.test", "A", Role.USER, null, "correct-horse-battery"));
        var b = crm.users().create(owner, new NewUser("b@t.test", "B", Role.USER, null, "correct-horse-battery"));
        fails(() -> crm.users().create(owner, new NewUser("c@t.test", "C", Role.USER, null, "correct-horse-battery")), ErrorCode.LIMIT_REACHED);
        crm.users().deactivate(owner, b.id(), null);
        assertThat(crm.users().create(owner, new NewUser("c@t.test", "C", Role.USER, null, "correct-horse-battery")).active()).isTrue();
    }
}
