package com.litedesk.core.secrets;

import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.SecretRepository;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedSecretsTest {

    private static final String VALUE = "c2lnbmluZy1rZXktdGhhdC1tdXN0LW5vdC1sZWFrLTEyMzQ1Ng==";

    private static MasterKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new MasterKey(key);
    }

    @Test
    void whatCallersWriteIsKeptOnlySealedAndReadBackPlain() {
        SecretRepository raw = InMemoryInstanceRepositories.create().secrets();
        SealedSecrets sealed = new SealedSecrets(raw, randomKey());

        sealed.insert(new Secret("instance/i1/signing-key", 1, VALUE));

        String stored = raw.findById("instance/i1/signing-key").orElseThrow().value();
        assertThat(SealedSecrets.isSealed(stored)).isTrue();
        assertThat(stored).doesNotContain(VALUE).doesNotContain("signing-key-that");
        assertThat(sealed.findById("instance/i1/signing-key").orElseThrow().value()).isEqualTo(VALUE);

        sealed.replace(new Secret("instance/i1/signing-key", 2, "other"), 1);
        assertThat(raw.findById("instance/i1/signing-key").orElseThrow().value()).doesNotContain("other");
        assertThat(sealed.findById("instance/i1/signing-key").orElseThrow().value()).isEqualTo("other");
    }

    @Test
    void aValueKeptInPlainTextBeforeSealingIsSealedTheFirstTimeItIsRead() {
        SecretRepository raw = InMemoryInstanceRepositories.create().secrets();
        raw.insert(new Secret("jwt-signing-key", 1, VALUE));
        SealedSecrets sealed = new SealedSecrets(raw, randomKey());

        assertThat(sealed.findById("jwt-signing-key").orElseThrow().value()).isEqualTo(VALUE);

        assertThat(SealedSecrets.isSealed(raw.findById("jwt-signing-key").orElseThrow().value())).isTrue();
        assertThat(sealed.findById("jwt-signing-key").orElseThrow().value()).isEqualTo(VALUE);
    }

    @Test
    void anotherMasterKeyCannotOpenThemAndSaysWhichKeyIsNeeded() {
        SecretRepository raw = InMemoryInstanceRepositories.create().secrets();
        MasterKey first = randomKey();
        new SealedSecrets(raw, first).insert(new Secret("instance/i1/management-key", 1, VALUE));

        assertThatThrownBy(() -> new SealedSecrets(raw, randomKey()).findById("instance/i1/management-key"))
                .isInstanceOf(LiteDeskException.class).hasMessageContaining(first.keyId())
                .satisfies(e -> assertThat(((LiteDeskException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void aSealedValueMovedUnderAnotherNameDoesNotOpen() {
        SecretRepository raw = InMemoryInstanceRepositories.create().secrets();
        MasterKey key = randomKey();
        SealedSecrets sealed = new SealedSecrets(raw, key);
        sealed.insert(new Secret("instance/i1/signing-key", 1, VALUE));
        raw.insert(new Secret("instance/i2/signing-key", 1, raw.findById("instance/i1/signing-key").orElseThrow().value()));

        assertThatThrownBy(() -> sealed.findById("instance/i2/signing-key")).isInstanceOf(LiteDeskException.class);
    }

    @Test
    void anUnopenableSecretThatCanBeMadeAgainIsDiscarded() {
        SecretRepository raw = InMemoryInstanceRepositories.create().secrets();
        new SealedSecrets(raw, randomKey()).insert(new Secret("jwt-signing-key", 1, VALUE));
        SealedSecrets other = new SealedSecrets(raw, randomKey());

        assertThat(other.discardIfUnopenable("jwt-signing-key")).isTrue();
        assertThat(raw.findById("jwt-signing-key")).isEmpty();
        other.insert(new Secret("jwt-signing-key", 1, VALUE));
        assertThat(other.discardIfUnopenable("jwt-signing-key")).isFalse();
    }

    @Test
    void aSecretReadAgainIsNotUnwrappedAgainButAMovedOneStillDoesNotOpen() {
        SecretRepository raw = InMemoryInstanceRepositories.create().secrets();
        MasterKey key = randomKey();
        int[] unwraps = {0};
        var counting = new com.litedesk.ports.instance.KeyEncryption() {
            public String keyId() { return key.keyId(); }
            public byte[] wrap(byte[] dataKey, String context) { return key.wrap(dataKey, context); }
            public byte[] unwrap(byte[] wrapped, String context) { unwraps[0]++; return key.unwrap(wrapped, context); }
        };
        SealedSecrets sealed = new SealedSecrets(raw, counting);
        sealed.insert(new Secret("instance/i1/management-key", 1, VALUE));

        for (int i = 0; i < 5; i++) {
            assertThat(sealed.findById("instance/i1/management-key").orElseThrow().value()).isEqualTo(VALUE);
        }
        assertThat(unwraps[0]).isEqualTo(1);

        raw.insert(new Secret("instance/i2/management-key", 1, raw.findById("instance/i1/management-key").orElseThrow().value()));
        assertThatThrownBy(() -> sealed.findById("instance/i2/management-key")).isInstanceOf(LiteDeskException.class);
    }
}
