package com.litedesk.app.security;

import com.litedesk.core.support.Sha256;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.SecretRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The keys access tokens are signed with: a ring kept in the secret store (sealed there like every secret), the
 * newest signing, the ones it replaced still verifying until every token they signed has expired. Each key has an
 * id ({@code kid}, carried in the token's header), so rotating is one write and no token in use stops working.
 * Processes sharing a database see a rotation made by another the first time they meet its key id.
 *
 * <p>A configured key ({@code LITEDESK_SIGNING_KEY}, or the one the control plane gives an instance) seeds the ring;
 * configuring a different one later is a rotation to it.
 */
public final class SigningKeys {

    static final String NAME = "jwt-signing-key";
    private static final String SEED = "-seed";
    private static final String RING = "ring:v1";
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

    /** One key of the ring; {@code retiredAt} is null for the signing one. */
    public record Key(String id, byte[] secret, Instant retiredAt) {
    }

    private final SecretRepository secrets;
    private final String name;
    private final Duration keepRetired;
    private final Clock clock;
    private final AtomicReference<List<Key>> ring = new AtomicReference<>();
    private volatile Instant lastReload = Instant.EPOCH;

    private final boolean remakeUnopenable;

    private SigningKeys(SecretRepository secrets, String name, Duration keepRetired, Clock clock, boolean remakeUnopenable) {
        this.remakeUnopenable = remakeUnopenable;
        this.secrets = secrets;
        this.name = name;
        this.keepRetired = keepRetired;
        this.clock = clock;
    }

    /**
     * The ring kept under {@code name}, made on first use (from {@code configured} when given, else a random key).
     *
     * @param keepRetired how long a replaced key still verifies: at least the longest life of a token it signed
     * @param remakeUnopenable make a new ring when the kept one was sealed under another master key (an instance's
     *                         database restored elsewhere), rather than refusing to start
     */
    public static SigningKeys open(SecretRepository secrets, String configured, String name, Duration keepRetired, Clock clock,
                                   boolean remakeUnopenable) {
        SigningKeys keys = new SigningKeys(secrets, name, keepRetired, clock, remakeUnopenable);
        keys.start(configured == null || configured.isBlank() ? null : Base64.getDecoder().decode(configured.strip()));
        return keys;
    }

    /** The key that signs now. */
    public Key current() {
        return ring.get().getFirst();
    }

    /** The key with this id, if the ring (re-read at most once a second for an unknown id) has it. */
    public Optional<Key> find(String kid) {
        Optional<Key> known = lookup(kid);
        if (known.isPresent() || kid == null) {
            return known;
        }
        Instant now = clock.instant();
        if (Duration.between(lastReload, now).compareTo(RELOAD_AT_MOST_EVERY) >= 0) {
            lastReload = now;
            secrets.findById(name).ifPresent(s -> ring.set(parse(s.value())));
        }
        return lookup(kid);
    }

    private Optional<Key> lookup(String kid) {
        Instant now = clock.instant();
        return ring.get().stream().filter(k -> k.id().equals(kid))
                .filter(k -> k.retiredAt() == null || k.retiredAt().plus(keepRetired).isAfter(now)).findFirst();
    }

    /** A new signing key; the one it replaces verifies on until its tokens have expired. Returns the new key's id. */
    public String rotate() {
        return rotateTo(randomKey());
    }

    /** The ids of the ring's keys, the signing one first (no key material). */
    public List<String> ids() {
        return ring.get().stream().map(Key::id).toList();
    }

    private void start(byte[] configured) {
        if (remakeUnopenable && secrets instanceof com.litedesk.core.secrets.SealedSecrets sealed) {
            // a ring sealed under another master key (a database restored from elsewhere): tokens it signed are
            // short-lived, so a new ring costs its users one login, never the instance
            boolean discarded = sealed.discardIfUnopenable(name);
            discarded |= sealed.discardIfUnopenable(name + SEED);
            if (discarded) {
                System.getLogger("litedesk.security").log(System.Logger.Level.WARNING,
                        "the signing keys were sealed under another master key; made new ones (sessions end)");
            }
        }
        for (int attempt = 0; ; attempt++) {
            Optional<Secret> kept = secrets.findById(name);
            if (kept.isEmpty()) {
                byte[] first = configured != null ? configured : randomKey();
                try {
                    secrets.insert(new Secret(name, 1, format(List.of(new Key(idOf(first), first, null)))));
                } catch (LiteDeskException e) {
                    if (e.code() != ErrorCode.CONFLICT || attempt > 3) {
                        throw e;
                    }
                    continue; // another process made it meanwhile: take theirs
                }
                ring.set(List.of(new Key(idOf(first), first, null)));
                if (configured != null) {
                    recordSeed(idOf(configured));
                }
                return;
            }
            ring.set(parse(kept.get().value()));
            break;
        }
        if (configured != null) {
            String seed = idOf(configured);
            String applied = secrets.findById(name + SEED).map(Secret::value).orElse(null);
            if (!seed.equals(applied)) {
                if (!current().id().equals(seed)) {
                    rotateTo(configured); // a different key configured on purpose: it signs from now on
                }
                recordSeed(seed);
            }
        }
    }

    private void recordSeed(String seed) {
        Optional<Secret> kept = secrets.findById(name + SEED);
        try {
            if (kept.isEmpty()) {
                secrets.insert(new Secret(name + SEED, 1, seed));
            } else {
                secrets.replace(new Secret(name + SEED, kept.get().version() + 1, seed), kept.get().version());
            }
        } catch (LiteDeskException raced) {
            // another process recorded it: the same configuration
        }
    }

    private String rotateTo(byte[] next) {
        for (int attempt = 0; attempt < 16; attempt++) {
            Secret kept = secrets.findById(name).orElseThrow(() -> LiteDeskException.unavailable("the signing keys are missing", null));
            Instant now = clock.instant();
            List<Key> updated = new ArrayList<>();
            updated.add(new Key(idOf(next), next, null));
            for (Key k : parse(kept.value())) {
                Instant retired = k.retiredAt() == null ? now : k.retiredAt();
                if (!k.id().equals(idOf(next)) && retired.plus(keepRetired).isAfter(now)) {
                    updated.add(new Key(k.id(), k.secret(), retired));
                }
            }
            try {
                secrets.replace(new Secret(name, kept.version() + 1, format(updated)), kept.version());
                ring.set(List.copyOf(updated));
                return idOf(next);
            } catch (LiteDeskException e) {
                if (e.code() != ErrorCode.CONFLICT && e.code() != ErrorCode.PRECONDITION_FAILED) {
                    throw e;
                }
            }
        }
        throw new LiteDeskException(ErrorCode.CONFLICT, "the signing keys changed too often at once; try again");
    }

    /** The id of a key: a hash of it, never the key. */
    static String idOf(byte[] key) {
        return "k" + Sha256.hex("litedesk signing key id\n" + Base64.getEncoder().encodeToString(key)).substring(0, 15);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String format(List<Key> keys) {
        StringBuilder out = new StringBuilder(RING);
        for (Key k : keys) {
            out.append('\n').append(k.id()).append(' ').append(Base64.getEncoder().encodeToString(k.secret())).append(' ')
                    .append(k.retiredAt() == null ? "-" : Long.toString(k.retiredAt().toEpochMilli()));
        }
        return out.toString();
    }

    private static List<Key> parse(String value) {
        if (!value.startsWith(RING)) { // one key, as kept before keys had ids
            byte[] key = Base64.getDecoder().decode(value.strip());
            return List.of(new Key(idOf(key), key, null));
        }
        List<Key> keys = new ArrayList<>();
        for (String line : value.substring(RING.length()).strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            keys.add(new Key(parts[0], Base64.getDecoder().decode(parts[1]),
                    parts[2].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        }
        return List.copyOf(keys);
    }

    /** A single 32-byte secret kept under {@code name} (made once, shared by every process on the database). */
    public static byte[] secret(SecretRepository secrets, String name) {
        return secrets.findById(name).map(s -> Base64.getDecoder().decode(s.value())).orElseGet(() -> {
            byte[] key = randomKey();
            try {
                secrets.insert(new Secret(name, 1, Base64.getEncoder().encodeToString(key)));
                return key;
            } catch (LiteDeskException raced) {
                return Base64.getDecoder().decode(secrets.findById(name).orElseThrow().value());
            }
        });
    }
}
