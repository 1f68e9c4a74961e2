package com.litedesk.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;

/**
 * Where the key-encryption key that seals secrets at rest comes from — never the database: an AWS KMS key
 * ({@code LITEDESK_KMS_KEY_ID}), else a master key given as base64 ({@code LITEDESK_MASTER_KEY}) or in a file
 * ({@code LITEDESK_MASTER_KEY_FILE}), else {@code <data dir>/master.key}, made on first start.
 */
public record KeySettings(String kmsKeyId, URI kmsEndpoint, String masterKey, Path masterKeyFile) {

    static KeySettings from(Function<String, String> get) {
        String kms = LiteDeskConfig.blankToNull(get.apply("LITEDESK_KMS_KEY_ID"));
        String key = LiteDeskConfig.blankToNull(get.apply("LITEDESK_MASTER_KEY"));
        String file = LiteDeskConfig.blankToNull(get.apply("LITEDESK_MASTER_KEY_FILE"));
        if ((kms != null ? 1 : 0) + (key != null ? 1 : 0) + (file != null ? 1 : 0) > 1) {
            throw new ConfigurationError("set one of LITEDESK_KMS_KEY_ID, LITEDESK_MASTER_KEY and LITEDESK_MASTER_KEY_FILE, not several");
        }
        if (key != null) {
            try {
                if (Base64.getDecoder().decode(key).length != 32) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError("LITEDESK_MASTER_KEY must be base64 of 32 random bytes (openssl rand -base64 32)");
            }
        }
        URI endpoint = null;
        String rawEndpoint = LiteDeskConfig.blankToNull(get.apply("LITEDESK_KMS_ENDPOINT"));
        if (rawEndpoint != null) {
            try {
                endpoint = URI.create(rawEndpoint);
                if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError("LITEDESK_KMS_ENDPOINT must be an absolute URL, got '" + rawEndpoint + "'");
            }
        }
        return new KeySettings(kms, endpoint, key, file == null ? null : Path.of(file));
    }
}
