package com.litedesk.core.secrets;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.KeyEncryption;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key held by the process (AES-256-GCM): given as {@code LITEDESK_MASTER_KEY}, read from a file, or
 * made once into a file of the data directory — never in a database. Its id is a hash of the key, not the key.
 */
public final class MasterKey implements KeyEncryption {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String id;
    private final SecureRandom random = new SecureRandom();

    public MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.id = "local:" + com.litedesk.core.support.Sha256.hex("litedesk master key id\n" + HexFormat.of().formatHex(key))
                .substring(0, 12);
    }

    @Override
    public String keyId() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, String context) {
        return seal(key, random, dataKey, context);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        return open(key, wrapped, context);
    }

    /** AES-GCM of {@code plain} under {@code key}, bound to {@code context}: nonce then ciphertext and tag. */
    static byte[] seal(SecretKeySpec key, SecureRandom random, byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] open(SecretKeySpec key, byte[] sealed, String context) {
        if (sealed.length <= NONCE) {
            throw LiteDeskException.unavailable("a sealed secret is damaged", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (javax.crypto.AEADBadTagException e) {
            throw LiteDeskException.unavailable("a sealed secret cannot be opened with this key (another key, or damage)", null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
