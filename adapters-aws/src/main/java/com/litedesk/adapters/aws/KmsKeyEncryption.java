package com.litedesk.adapters.aws;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.KeyEncryption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The key-encryption key as an AWS KMS key that never leaves KMS: data keys are wrapped with {@code Encrypt} and
 * unwrapped with {@code Decrypt}, each bound to the secret's name through the encryption context (so a wrapped key
 * copied to another name does not open, and CloudTrail shows which secret was opened).
 */
public final class KmsKeyEncryption implements KeyEncryption, AutoCloseable {

    static final String CONTEXT_KEY = "litedesk:secret";

    private final KmsClient kms;
    private final String keyId;

    public KmsKeyEncryption(String keyId, String region, URI endpoint) {
        this.keyId = keyId;
        this.kms = AwsClients.configure(KmsClient.builder(), Region.of(region), endpoint, Duration.ofSeconds(10)).build();
    }

    @Override
    public String keyId() {
        return "kms:" + keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, String context) {
        try {
            return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(dataKey))
                    .encryptionContext(Map.of(CONTEXT_KEY, context))).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("AWS KMS could not encrypt with key " + keyId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        try {
            return kms.decrypt(r -> r.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(Map.of(CONTEXT_KEY, context))).plaintext().asByteArray();
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("AWS KMS could not decrypt with key " + keyId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        kms.close();
    }
}
