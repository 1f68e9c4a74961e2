package com.litedesk.adapters.aws;

import com.litedesk.ports.LiteDeskException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KmsKeyEncryptionTest {

    private KmsStandIn kms;
    private KmsKeyEncryption kek;

    @BeforeAll
    static void credentials() {
        TestCredentials.install();
    }

    @BeforeEach
    void start() throws Exception {
        kms = new KmsStandIn("1234abcd-12ab-34cd-56ef-1234567890ab");
        kek = new KmsKeyEncryption(kms.keyId(), "eu-west-1", kms.endpoint());
    }

    @AfterEach
    void stop() {
        kek.close();
        kms.close();
    }

    @Test
    void aDataKeyIsWrappedBySignedEncryptBoundToItsSecretAndUnwrappedByDecrypt() {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);

        byte[] wrapped = kek.wrap(dataKey, "instance/i1/signing-key");

        assertThat(wrapped).isNotEqualTo(dataKey);
        assertThat(kek.unwrap(wrapped, "instance/i1/signing-key")).isEqualTo(dataKey);
        var encrypt = kms.requests().getFirst();
        assertThat(encrypt.target()).isEqualTo("TrentService.Encrypt");
        assertThat(encrypt.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=" + TestCredentials.ACCESS_KEY + "/")
                .contains("/eu-west-1/kms/aws4_request");
        assertThat(encrypt.body()).contains("\"EncryptionContext\":{\"litedesk:secret\":\"instance/i1/signing-key\"}");
        assertThat(kek.keyId()).isEqualTo("kms:" + kms.keyId());
    }

    @Test
    void aWrappedKeyDoesNotOpenUnderAnotherSecretsName() {
        byte[] wrapped = kek.wrap(new byte[32], "instance/i1/signing-key");

        assertThatThrownBy(() -> kek.unwrap(wrapped, "instance/i2/signing-key")).isInstanceOf(LiteDeskException.class)
                .hasMessageContaining("could not decrypt");
    }
}
