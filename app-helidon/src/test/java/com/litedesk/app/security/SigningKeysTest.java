package com.litedesk.app.security;

import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.AccessClaims;
import com.litedesk.ports.instance.SecretRepository;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    private static final String AUDIENCE = "litedesk:instance:acme";
    private static final Duration KEEP = Duration.ofMinutes(16);

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static String token(JwtTokenService tokens, Clock clock, String user) {
        return tokens.issue(new AccessClaims(user, AUDIENCE, "OWNER", "t-" + user, clock.instant(), clock.instant().plus(Duration.ofMinutes(15)), "s-" + user));
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void afterARotationOldTokensWorkUntilTheyExpireAndNewOnesCarryTheNewKeyId() throws Exception {
        Clock clock = at(NOW);
        SecretRepository secrets = InMemoryInstanceRepositories.create().secrets();
        SigningKeys keys = SigningKeys.open(secrets, null, "jwt-signing-key", KEEP, clock, false);
        JwtTokenService tokens = new JwtTokenService(keys, AUDIENCE, clock);
        String before = token(tokens, clock, "u1");
        String oldKid = kid(before);
        // another process on the same database, started before the rotation
        JwtTokenService elsewhere = new JwtTokenService(SigningKeys.open(secrets, null, "jwt-signing-key", KEEP, clock, false), AUDIENCE, clock);

        String newKid = keys.rotate();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(keys.ids()).containsExactly(newKid, oldKid);
        String after = token(tokens, clock, "u2");
        assertThat(kid(after)).isEqualTo(newKid);
        assertThat(tokens.verify(before).subject()).isEqualTo("u1");
        assertThat(tokens.verify(after).subject()).isEqualTo("u2");

        // learns the new key the first time it meets it
        assertThat(elsewhere.verify(after).subject()).isEqualTo("u2");

        Clock later = at(NOW.plus(KEEP).plusSeconds(1));
        keys = SigningKeys.open(secrets, null, "jwt-signing-key", KEEP, later, false);
        assertThat(keys.find(oldKid)).as("a retired key past its tokens' life").isEmpty();
    }

    @Test
    void aConfiguredKeySeedsTheRingOnceAndADifferentOneLaterIsARotation() {
        Clock clock = at(NOW);
        SecretRepository secrets = InMemoryInstanceRepositories.create().secrets();
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        SigningKeys first = SigningKeys.open(secrets, configured, "jwt-signing-key", KEEP, clock, false);
        String seeded = first.current().id();
        String rotated = first.rotate();

        // a restart with the same configuration keeps the rotated key signing
        assertThat(SigningKeys.open(secrets, configured, "jwt-signing-key", KEEP, clock, false).current().id()).isEqualTo(rotated);

        byte[] other = new byte[32];
        other[0] = 1;
        SigningKeys changed = SigningKeys.open(secrets, Base64.getEncoder().encodeToString(other), "jwt-signing-key", KEEP, clock, false);
        assertThat(changed.current().id()).isNotIn(seeded, rotated);
        assertThat(changed.ids()).contains(rotated);
    }

    @Test
    void aTokenNamingAKeyTheRingDoesNotHaveIsRefused() {
        Clock clock = at(NOW);
        JwtTokenService ours = new JwtTokenService(SigningKeys.open(InMemoryInstanceRepositories.create().secrets(), null,
                "jwt-signing-key", KEEP, clock, false), AUDIENCE, clock);
        JwtTokenService theirs = new JwtTokenService(SigningKeys.open(InMemoryInstanceRepositories.create().secrets(), null,
                "jwt-signing-key", KEEP, clock, false), AUDIENCE, clock);

        assertThatThrownBy(() -> ours.verify(token(theirs, clock, "u1"))).isInstanceOf(LiteDeskException.class);
    }
}
