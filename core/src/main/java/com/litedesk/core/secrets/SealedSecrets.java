package com.litedesk.core.secrets;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.KeyEncryption;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.SecretRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret store as callers see it — plain values — over a store that only ever holds them sealed: each value is
 * encrypted (AES-256-GCM, bound to its name) under a data key of its own, and that data key is wrapped by the
 * {@link KeyEncryption} key, which is not in the database (envelope encryption). Stored form:
 * {@code sealed:v1:<key id>:<wrapped data key>:<ciphertext>}. A value found in plain text (written before secrets
 * were sealed) is sealed in place the first time it is read.
 */
public final class SealedSecrets implements SecretRepository {

    static final String PREFIX = "sealed:v1:";

    private final SecretRepository stored;
    private final KeyEncryption kek;
    private final SecureRandom random = new SecureRandom();
    /**
     * What each sealed value opened to, by name and sealed value:
     * the monitor reads an instance's management key on every poll, and with KMS every opening is a network call.
     */
    private final java.util.Map<String, String> opened = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED = 10_000;

    public SealedSecrets(SecretRepository stored, KeyEncryption kek) {
        this.stored = stored;
        this.kek = kek;
    }

    /** Whether a stored value is sealed (what a check of the database at rest looks for). */
    public static boolean isSealed(String storedValue) {
        return storedValue != null && storedValue.startsWith(PREFIX);
    }

    @Override
    public Optional<Secret> findById(String id) {
        return stored.findById(id).map(this::opened);
    }

    @Override
    public Secret insert(Secret entity) {
        stored.insert(sealed(entity));
        return entity;
    }

    @Override
    public void insertAll(List<Secret> entities) {
        stored.insertAll(entities.stream().map(this::sealed).toList());
    }

    @Override
    public Secret replace(Secret entity, long expectedVersion) {
        stored.replace(sealed(entity), expectedVersion);
        return entity;
    }

    @Override
    public void delete(String id, long expectedVersion) {
        stored.delete(id, expectedVersion);
    }

    @Override
    public Page<Secret> list(Query query) {
        Page<Secret> page = stored.list(query);
        return new Page<>(page.items().stream().map(this::opened).toList(), page.hasMore());
    }

    @Override
    public long count(List<Condition> where) {
        return stored.count(where);
    }

    /**
     * Removes the secret {@code id} when it cannot be opened with this key (it was sealed under another one, e.g. in
     * a database restored from elsewhere); true when it did. For secrets that can be made again, such as signing keys.
     */
    public boolean discardIfUnopenable(String id) {
        Optional<Secret> kept = stored.findById(id);
        if (kept.isEmpty()) {
            return false;
        }
        try {
            opened(kept.get());
            return false;
        } catch (LiteDeskException e) {
            if (e.code() != ErrorCode.UNAVAILABLE) {
                throw e;
            }
            stored.delete(id, kept.get().version());
            return true;
        }
    }

    private Secret sealed(Secret plain) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] cipher = MasterKey.seal(new SecretKeySpec(dataKey, "AES"), random,
                plain.value().getBytes(StandardCharsets.UTF_8), plain.id());
        byte[] wrapped = kek.wrap(dataKey, plain.id());
        java.util.Arrays.fill(dataKey, (byte) 0);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Secret(plain.id(), plain.version(), PREFIX + kek.keyId() + ":" + b64.encodeToString(wrapped) + ":"
                + b64.encodeToString(cipher));
    }

    private Secret opened(Secret kept) {
        if (!isSealed(kept.value())) { // kept before secrets were sealed: sealed now, in place
            Secret plain = kept;
            try {
                stored.replace(sealed(new Secret(kept.id(), kept.version() + 1, kept.value())), kept.version());
                plain = new Secret(kept.id(), kept.version() + 1, kept.value());
            } catch (LiteDeskException e) {
                if (e.code() != ErrorCode.CONFLICT && e.code() != ErrorCode.PRECONDITION_FAILED) {
                    throw e;
                }
                return stored.findById(kept.id()).map(this::opened).orElseThrow(() -> e); // sealed meanwhile
            }
            return plain;
        }
        String rest = kept.value().substring(PREFIX.length());
        int last = rest.lastIndexOf(':');
        int middle = last < 0 ? -1 : rest.lastIndexOf(':', last - 1);
        if (middle < 0) {
            throw LiteDeskException.unavailable("the secret " + kept.id() + " is damaged", null);
        }
        String keyId = rest.substring(0, middle);
        if (!keyId.equals(kek.keyId())) {
            throw LiteDeskException.unavailable("the secret " + kept.id() + " was sealed with the key-encryption key " + keyId
                    + ", not this one (" + kek.keyId() + "); start with the master key it was sealed with", null);
        }
        String known = opened.get(kept.id() + "\n" + kept.value());
        if (known != null) {
            return new Secret(kept.id(), kept.version(), known);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] dataKey;
        byte[] plain;
        try {
            dataKey = kek.unwrap(b64.decode(rest.substring(middle + 1, last)), kept.id());
            plain = MasterKey.open(new SecretKeySpec(dataKey, "AES"), b64.decode(rest.substring(last + 1)), kept.id());
        } catch (IllegalArgumentException e) {
            throw LiteDeskException.unavailable("the secret " + kept.id() + " is damaged", null);
        }
        java.util.Arrays.fill(dataKey, (byte) 0);
        String value = new String(plain, StandardCharsets.UTF_8);
        if (opened.size() >= REMEMBERED) {
            opened.clear(); // a crude bound: forgetting only costs an opening
        }
        opened.put(kept.id() + "\n" + kept.value(), value);
        return new Secret(kept.id(), kept.version(), value);
    }
}
