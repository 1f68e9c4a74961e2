package com.litedesk.app.security;

import com.litedesk.adapters.aws.KmsKeyEncryption;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.core.secrets.MasterKey;
import com.litedesk.core.secrets.SealedSecrets;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.KeyEncryption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key-encryption key of this process, as {@link com.litedesk.app.config.KeySettings} says where it comes from,
 * and the stores with their secrets sealed under it. One per setting in the process: the control plane and the
 * instances it runs in-process share it.
 */
public final class MasterKeys {

    static final String FILE = "master.key";
    private static final Map<Object, KeyEncryption> LOADED = new ConcurrentHashMap<>();

    private MasterKeys() {
    }

    /** The stores with every secret sealed at rest under this configuration's key-encryption key. */
    public static InstanceRepositories sealed(InstanceRepositories stores, LiteDeskConfig config) {
        return stores.withSecrets(new SealedSecrets(stores.secrets(), of(config)));
    }

    public static KeyEncryption of(LiteDeskConfig config) {
        var keys = config.keys();
        if (keys.kmsKeyId() != null) {
            String region = config.integrations().awsRegion();
            if (region == null) {
                throw new ConfigurationError("LITEDESK_KMS_KEY_ID needs LITEDESK_AWS_REGION (or AWS_REGION), the region of the key");
            }
            return LOADED.computeIfAbsent(keys, k -> new KmsKeyEncryption(keys.kmsKeyId(), region, keys.kmsEndpoint()));
        }
        if (keys.masterKey() != null) {
            return LOADED.computeIfAbsent(keys, k -> new MasterKey(Base64.getDecoder().decode(keys.masterKey())));
        }
        if (keys.masterKeyFile() != null) {
            return LOADED.computeIfAbsent(keys, k -> new MasterKey(read(keys.masterKeyFile(), "LITEDESK_MASTER_KEY_FILE")));
        }
        if (config.store().equals("memory")) {
            return LOADED.computeIfAbsent("memory", k -> new MasterKey(random())); // nothing is kept: nor is the key
        }
        Path file = config.dataDir().resolve(FILE).toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(file, f -> new MasterKey(fileInDataDirectory(file))); // read once, not per instance started
    }

    /** {@code <data>/master.key}: read, or made (owner-only, never replaced) when it is not there yet. */
    private static byte[] fileInDataDirectory(Path file) {
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(file.getParent());
                byte[] key = random();
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another process of this data directory made it first: read theirs
            } catch (IOException e) {
                throw new ConfigurationError("cannot create the master key " + file + ": " + e.getMessage());
            }
        }
        return read(file, "the master key file");
    }

    private static byte[] read(Path file, String what) {
        for (int attempt = 0; ; attempt++) {
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (text.isEmpty() && attempt < 50) { // being written by the process that made it
                    Thread.sleep(20);
                    continue;
                }
                byte[] key = Base64.getDecoder().decode(text);
                if (key.length != 32) {
                    throw new IllegalArgumentException();
                }
                return key;
            } catch (IOException e) {
                throw new ConfigurationError("cannot read " + what + " " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError(what + " " + file + " must hold base64 of 32 random bytes");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConfigurationError("interrupted while reading " + file);
            }
        }
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
