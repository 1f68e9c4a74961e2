package com.litedesk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.TestTokens;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import com.litedesk.core.identity.NewUser;
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
        // changed in the store directly (as a restore does): the token's role is not believed, the stored one is
        instance.stores.users().replace(new com.litedesk.ports.identity.User(user.id(), user.version() + 1, user.email(), user.name(),
                Role.VIEWER, user.teamId(), true, user.createdAt(), user.createdBy(), user.updatedAt(), user.updatedBy()), user.version());
        instance.clock.advance(Duration.ofSeconds(2));
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
                        instance.clock.instant(), instance.clock.instant().plusSeconds(900), "s"));
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

    private TokenPair loginFrom(String client, String email, String password) {
        return auth.login(email, password, client, null);
    }

    private LiteDeskException refusedFrom(String client, String email, String password) {
        try {
            auth.login(email, password, client, null);
        } catch (LiteDeskException e) {
            return e;
        }
        throw new AssertionError("the login from " + client + " was not refused");
    }

    @Test
    void fiveFailuresFromAnUnknownAddressLockOnlyThatAddressOutForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(refusedFrom("198.51.100.7", "user@acme.test", "wrong-password-123").code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
        LiteDeskException locked = refusedFrom("198.51.100.7", "user@acme.test", "correct-horse-battery");
        assertThat(locked.code()).isEqualTo(ErrorCode.LOCKED);
        assertThat(locked.retryAfterSeconds()).isBetween(899L, 901L);
        assertThat(loginFrom("198.51.100.8", "user@acme.test", "correct-horse-battery").accessToken()).isNotBlank();
        instance.clock.advance(Duration.ofMinutes(16));
        assertThat(loginFrom("198.51.100.7", "user@acme.test", "correct-horse-battery").accessToken()).isNotBlank();
    }

    @Test
    void aStrangerCannotLockTheOwnerOut() {
        loginFrom("10.0.0.1", "owner@acme.test", "correct-horse-battery"); // the Owner's usual address
        for (int i = 0; i < 40; i++) {
            refusedFrom("203.0.113." + (i % 4), "owner@acme.test", "guess-number-" + i);
        }
        assertThat(refusedFrom("203.0.113.0", "owner@acme.test", "correct-horse-battery").code()).isEqualTo(ErrorCode.LOCKED);
        assertThat(loginFrom("10.0.0.1", "owner@acme.test", "correct-horse-battery").accessToken()).isNotBlank();
    }

    @Test
    void failuresSpreadOverManyAddressesLockOutEveryAddressButTheKnownOnes() {
        loginFrom("10.0.0.1", "owner@acme.test", "correct-horse-battery");
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(refusedFrom("203.0.113." + i, "owner@acme.test", "guess-number-" + i).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
        assertThat(refusedFrom("192.0.2.50", "owner@acme.test", "correct-horse-battery").code()).isEqualTo(ErrorCode.LOCKED);
        assertThat(loginFrom("10.0.0.1", "owner@acme.test", "correct-horse-battery").accessToken()).isNotBlank();
        instance.clock.advance(Duration.ofMinutes(16));
        assertThat(loginFrom("192.0.2.50", "owner@acme.test", "correct-horse-battery").accessToken()).isNotBlank();
    }

    @Test
    void aKnownAddressIsSlowedDownWithAGrowingWaitInsteadOfBeingLockedOut() {
        loginFrom("10.0.0.1", "user@acme.test", "correct-horse-battery");
        for (int i = 0; i < 5; i++) {
            assertThat(refusedFrom("10.0.0.1", "user@acme.test", "wrong-password-123").code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
        LiteDeskException first = refusedFrom("10.0.0.1", "user@acme.test", "correct-horse-battery");
        assertThat(first.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(first.retryAfterSeconds()).isBetween(30L, 31L);
        instance.clock.advance(Duration.ofSeconds(31));
        assertThat(refusedFrom("10.0.0.1", "user@acme.test", "wrong-password-123").code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        LiteDeskException second = refusedFrom("10.0.0.1", "user@acme.test", "correct-horse-battery");
        assertThat(second.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(second.retryAfterSeconds()).isBetween(60L, 61L);
        instance.clock.advance(Duration.ofSeconds(61));
        assertThat(loginFrom("10.0.0.1", "user@acme.test", "correct-horse-battery").accessToken()).isNotBlank();
        assertThat(refusedFrom("10.0.0.1", "user@acme.test", "wrong-password-123").code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void anUnknownEmailIsCountedAndAnsweredExactlyLikeAKnownOne() {
        for (int i = 0; i < 6; i++) {
            LiteDeskException known = refusedFrom("198.51.100.9", "user@acme.test", "wrong-password-123");
            LiteDeskException unknown = refusedFrom("198.51.100.9", "nobody@acme.test", "wrong-password-123");
            assertThat(unknown.code()).isEqualTo(known.code());
            assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
            assertThat(unknown.retryAfterSeconds()).isEqualTo(known.retryAfterSeconds());
            assertThat(unknown.errors()).isEqualTo(known.errors());
        }
        assertThat(refusedFrom("198.51.100.9", "nobody@acme.test", "x-password-1").code()).isEqualTo(ErrorCode.LOCKED);
    }

    @Test
    void theHashIsCheckedForAnUnknownEmailAsForAKnownOne() {
        var counting = new com.litedesk.core.TestHasher();
        var crm = com.litedesk.core.LiteDesk.builder()
                .repositories(com.litedesk.core.memory.InMemoryInstanceRepositories.create())
                .passwordHasher(counting).tokenService(new TestTokens("k", "a", instance.clock)).mailer(instance.mailer)
                .clock(instance.clock).build();
        crm.bootstrap("Acme", "plan", PlanLimits.UNLIMITED, "o@t.test", "O", "correct-horse-battery");
        long before = counting.checks();
        assertThatThrownBy(() -> crm.auth().login("o@t.test", "wrong-password-123", "198.51.100.1", null));
        long known = counting.checks() - before;
        assertThatThrownBy(() -> crm.auth().login("nobody@t.test", "wrong-password-123", "198.51.100.1", null));
        assertThat(counting.checks() - before - known).isEqualTo(known).isEqualTo(1);
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

    private static void refusedAs(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.errors()).extracting(com.litedesk.ports.FieldError::field).containsExactly(field);
        });
    }

    @Test
    void aCommonPasswordIsRefusedWhereverAPasswordIsChosen() {
        var users = instance.crm.users();
        refusedAs(() -> users.create(instance.owner, new NewUser("new@acme.test", "New", Role.USER, null, "password123")), "password");
        refusedAs(() -> users.create(instance.owner, new NewUser("new@acme.test", "New", Role.USER, null, "QWERTYUIOP")), "password");
        refusedAs(() -> auth.changePassword(instance.as(Role.USER), "correct-horse-battery", "1q2w3e4r5t"), "newPassword");
        users.create(instance.owner, new NewUser("invitee@acme.test", "Invitee", Role.USER, null, null));
        String token = instance.mailer.lastLinkToken();
        refusedAs(() -> auth.setPassword(token, "basketball", null), "password");
        auth.setPassword(token, "my-own-password", null); // the refused attempt left the link usable
        var fresh = com.litedesk.core.LiteDesk.builder()
                .repositories(com.litedesk.core.memory.InMemoryInstanceRepositories.create())
                .passwordHasher(new com.litedesk.core.TestHasher()).tokenService(new TestTokens("k", "a", instance.clock))
                .mailer(instance.mailer).clock(instance.clock).build();
        refusedAs(() -> fresh.bootstrap("Acme", "plan", PlanLimits.UNLIMITED, "o@t.test", "O", "manchester"), "ownerPassword");
    }

    @Test
    void theUsersOwnEmailOrNameIsRefusedAsTheirPassword() {
        var users = instance.crm.users();
        for (String password : new String[] {"Grace.Hopper@ACME.test", "grace.hopper-1906", "my name is Grace Hopper", "GRACEHOPPER!!"}) {
            refusedAs(() -> users.create(instance.owner, new NewUser("grace.hopper@acme.test", "Grace Hopper", Role.USER, null, password)),
                    "password");
        }
        var grace = users.create(instance.owner, new NewUser("grace.hopper@acme.test", "Grace Hopper", Role.USER, null, "cobol-compiler-1959"));
        refusedAs(() -> auth.changePassword(instance.crm.actorOf(grace), "cobol-compiler-1959", "xx-grace.hopper-xx"), "newPassword");
        users.create(instance.owner, new NewUser("ada@acme.test", "Ada Lovelace", Role.USER, null, null));
        String token = instance.mailer.lastLinkToken();
        refusedAs(() -> auth.setPassword(token, "ada-lovelace-1815", null), "password");
        refusedAs(() -> auth.setPassword(token, "ada@acme.test-1815", null), "password");
        auth.setPassword(token, "analytical-engine", null);
    }

    private static String sessionOf(TokenPair pair, TestTokens tokens) {
        return tokens.verify(pair.accessToken()).sessionId();
    }

    @Test
    void logoutStopsTheAccessTokensOfThatSessionAtOnce() {
        TokenPair mine = auth.login("user@acme.test", "correct-horse-battery", null);
        TokenPair other = auth.login("user@acme.test", "correct-horse-battery", null);
        assertThat(auth.authenticate(mine.accessToken(), null).userId()).isNotBlank();
        auth.logout(mine.refreshToken());
        fails(() -> auth.authenticate(mine.accessToken(), null), ErrorCode.UNAUTHENTICATED);
        assertThat(auth.authenticate(other.accessToken(), null).userId()).isNotBlank();
    }

    @Test
    void aReusedRefreshTokenStopsTheAccessTokensOfItsSession() {
        TokenPair first = auth.login("user@acme.test", "correct-horse-battery", null);
        TokenPair second = auth.refresh(first.refreshToken());
        assertThat(auth.authenticate(second.accessToken(), null).userId()).isNotBlank();
        fails(() -> auth.refresh(first.refreshToken()), ErrorCode.UNAUTHENTICATED);
        fails(() -> auth.authenticate(second.accessToken(), null), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aPasswordChangeStopsTheOtherSessionsAtOnceAndKeepsTheOneThatAsked() {
        TokenPair mine = auth.login("user@acme.test", "correct-horse-battery", null);
        TokenPair other = auth.login("user@acme.test", "correct-horse-battery", null);
        var me = auth.authenticate(mine.accessToken(), null);
        auth.changePassword(me, "correct-horse-battery", "brand-new-password");
        fails(() -> auth.authenticate(other.accessToken(), null), ErrorCode.UNAUTHENTICATED);
        fails(() -> auth.refresh(other.refreshToken()), ErrorCode.UNAUTHENTICATED);
        assertThat(auth.authenticate(mine.accessToken(), null).userId()).isEqualTo(me.userId());
        assertThat(auth.refresh(mine.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void aRoleChangeOrADeactivationStopsTheUsersAccessTokensAtOnce() {
        TokenPair pair = auth.login("user@acme.test", "correct-horse-battery", null);
        var user = instance.crm.users().require(instance.as(Role.USER).userId());
        instance.crm.users().update(instance.owner, user.id(), null, new UserDraft(user.name(), Role.MANAGER, user.teamId(), true));
        fails(() -> auth.authenticate(pair.accessToken(), null), ErrorCode.UNAUTHENTICATED);
        fails(() -> auth.refresh(pair.refreshToken()), ErrorCode.UNAUTHENTICATED);
        TokenPair again = auth.login("user@acme.test", "correct-horse-battery", null);
        var renamed = instance.crm.users().require(user.id());
        instance.crm.users().update(instance.owner, user.id(), null, new UserDraft("Renamed", Role.MANAGER, renamed.teamId(), true));
        assertThat(auth.authenticate(again.accessToken(), null).role()).isEqualTo(Role.MANAGER); // a rename ends nothing
        instance.crm.users().deactivate(instance.owner, user.id(), null);
        fails(() -> auth.authenticate(again.accessToken(), null), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aTokenIssuedInTheFutureOrClaimingALongerLifeThanFifteenMinutesIsRefusedThoughSigned() {
        TestTokens signer = new TestTokens("key-a", "litedesk:instance:a", instance.clock);
        TokenPair pair = auth.login("user@acme.test", "correct-horse-battery", null);
        String session = sessionOf(pair, signer);
        String user = instance.as(Role.USER).userId();
        var now = instance.clock.instant();
        String fine = signer.issue(new com.litedesk.ports.identity.AccessClaims(user, "litedesk:instance:a", "USER", "t", now,
                now.plus(Authentication.ACCESS_TTL), session));
        assertThat(auth.authenticate(fine, null).userId()).isEqualTo(user);
        String future = signer.issue(new com.litedesk.ports.identity.AccessClaims(user, "litedesk:instance:a", "USER", "t",
                now.plusSeconds(300), now.plusSeconds(600), session));
        fails(() -> auth.authenticate(future, null), ErrorCode.UNAUTHENTICATED);
        String longLived = signer.issue(new com.litedesk.ports.identity.AccessClaims(user, "litedesk:instance:a", "USER", "t",
                now, now.plus(Duration.ofDays(365)), session));
        fails(() -> auth.authenticate(longLived, null), ErrorCode.UNAUTHENTICATED);
        String otherSession = signer.issue(new com.litedesk.ports.identity.AccessClaims(user, "litedesk:instance:a", "USER", "t",
                now, now.plusSeconds(600), "a-session-that-never-was"));
        fails(() -> auth.authenticate(otherSession, null), ErrorCode.UNAUTHENTICATED);
    }
}
