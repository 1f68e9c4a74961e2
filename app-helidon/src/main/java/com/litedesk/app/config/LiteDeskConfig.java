package com.litedesk.app.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole configuration, read once at start from {@code application.yaml} with environment
 * variables taking precedence. Anything malformed stops start-up with one line naming the variable.
 */
public record LiteDeskConfig(
        int port,
        Path dataDir,
        String mongoUri,
        String baseDomain,
        String runtime,
        String store,
        String instanceId,
        String instanceName,
        String publicUrl,
        String ownerEmail,
        String ownerPassword,
        String ownerName,
        String signingKey,
        long maxBodyBytes,
        long maxImportBytes,
        int rateLimitPerMinute,
        int bcryptCost,
        String managementKey,
        String bindHost,
        String sqliteSynchronous,
        Path databaseFile,
        String logFormat,
        java.time.Duration reminderInterval,
        Integrations integrations,
        TrustedProxies trustedProxies,
        KeySettings keys) {

    private static final Set<String> RUNTIMES = Set.of("in-process", "docker", "kubernetes");
    private static final Set<String> STORES = Set.of("auto", "sqlite", "mongo", "memory");
    private static final Set<String> SYNCHRONOUS = Set.of("full", "normal", "extra");

    /** Reads the environment over the bundled application.yaml. */
    public static LiteDeskConfig fromEnvironment() {
        return from(System::getenv);
    }

    /** Reads {@code env} (variable name → value, or null) over the bundled application.yaml. */
    public static LiteDeskConfig from(Function<String, String> env) {
        Function<String, String> get = reader(env);
        int port = integer(get, "LITEDESK_PORT", 0, 65535);
        String mongoUri = blankToNull(get.apply("MONGO_URI"));
        if (mongoUri != null && !(mongoUri.startsWith("mongodb://") || mongoUri.startsWith("mongodb+srv://"))) {
            throw new ConfigurationError("MONGO_URI must be a MongoDB connection string (mongodb://… or mongodb+srv://…)");
        }
        String runtime = oneOf(get, "LITEDESK_RUNTIME", RUNTIMES);
        String store = oneOf(get, "LITEDESK_STORE", STORES);
        if (store.equals("auto")) {
            store = mongoUri == null ? "sqlite" : "mongo"; // MongoDB when it is given, else one SQLite file per database
        }
        if (store.equals("mongo") && mongoUri == null) {
            throw new ConfigurationError("LITEDESK_STORE=mongo needs MONGO_URI, the MongoDB connection string");
        }
        String baseDomain = required(get, "LITEDESK_BASE_DOMAIN");
        String instanceId = required(get, "LITEDESK_INSTANCE_ID");
        if (!instanceId.matches("^[a-z0-9][a-z0-9-]{0,62}$")) {
            throw new ConfigurationError("LITEDESK_INSTANCE_ID must be lower-case letters, digits and '-', got '" + instanceId + "'");
        }
        String publicUrl = blankToNull(get.apply("LITEDESK_PUBLIC_URL"));
        if (publicUrl == null) {
            publicUrl = "http://" + ("default".equals(instanceId) ? baseDomain : instanceId + "." + baseDomain) + ":" + port;
        } else {
            try {
                URI uri = URI.create(publicUrl);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError("LITEDESK_PUBLIC_URL must be an absolute URL like https://acme.example.com, got '" + publicUrl + "'");
            }
        }
        String signingKey = blankToNull(get.apply("LITEDESK_SIGNING_KEY"));
        if (signingKey != null) {
            try {
                if (Base64.getDecoder().decode(signingKey).length < 32) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError("LITEDESK_SIGNING_KEY must be base64 of at least 32 random bytes");
            }
        }
        String ownerEmail = blankToNull(get.apply("LITEDESK_OWNER_EMAIL"));
        String ownerPassword = blankToNull(get.apply("LITEDESK_OWNER_PASSWORD"));
        if (ownerPassword != null && ownerEmail == null) {
            throw new ConfigurationError("LITEDESK_OWNER_PASSWORD is set but LITEDESK_OWNER_EMAIL is not");
        }
        Path dataDir = Path.of(required(get, "LITEDESK_DATA_DIR"));
        return new LiteDeskConfig(port, dataDir, mongoUri, baseDomain, runtime, store,
                instanceId, required(get, "LITEDESK_INSTANCE_NAME"), publicUrl, ownerEmail, ownerPassword,
                blankToNull(get.apply("LITEDESK_OWNER_NAME")), signingKey,
                integer(get, "LITEDESK_MAX_BODY_BYTES", 1024, Integer.MAX_VALUE - 8),
                integer(get, "LITEDESK_MAX_IMPORT_BYTES", 1024, Integer.MAX_VALUE - 8),
                integer(get, "LITEDESK_RATE_LIMIT_PER_MINUTE", 0, 1_000_000),
                integer(get, "LITEDESK_BCRYPT_COST", 10, 16),
                managementKey(get),
                required(get, "LITEDESK_BIND_HOST"),
                oneOf(get, "LITEDESK_SQLITE_SYNCHRONOUS", SYNCHRONOUS).toUpperCase(Locale.ROOT),
                null,
                oneOf(get, "LITEDESK_LOG_FORMAT", Set.of("text", "json")),
                reminderInterval(get),
                Integrations.from(get),
                TrustedProxies.parse(get.apply("LITEDESK_TRUSTED_PROXIES")),
                KeySettings.from(get));
    }

    /**
     * The SQLite file of this instance: the one its control plane created for it, else
     * {@code <data dir>/instances/<instance id>/litedesk.db}.
     */
    public Path instanceDatabaseFile() {
        return databaseFile != null ? databaseFile : dataDir.resolve("instances").resolve(instanceId).resolve("litedesk.db");
    }

    /** The control plane's SQLite file. */
    public Path platformDatabaseFile() {
        return dataDir.resolve("platform.db");
    }

    /** How often an instance looks for due tasks to remind their assignees of. */
    private static java.time.Duration reminderInterval(Function<String, String> get) {
        String raw = required(get, "LITEDESK_REMINDER_INTERVAL");
        try {
            java.time.Duration d = java.time.Duration.parse(raw.toUpperCase(Locale.ROOT));
            if (d.toMillis() < 100 || d.compareTo(java.time.Duration.ofDays(1)) > 0) {
                throw new java.time.format.DateTimeParseException("out of range", raw, 0);
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigurationError("LITEDESK_REMINDER_INTERVAL must be an ISO-8601 duration from PT0.1S to P1D such as PT1M, got '"
                    + raw + "'");
        }
    }

    private static String managementKey(Function<String, String> get) {
        String key = blankToNull(get.apply("LITEDESK_MANAGEMENT_KEY"));
        if (key != null && key.length() < 32) {
            throw new ConfigurationError("LITEDESK_MANAGEMENT_KEY must be at least 32 characters");
        }
        return key;
    }

    /**
     * The configuration of an instance the control plane runs in its own JVM (nothing read from the environment), on
     * the database its provisioning created: a MongoDB connection string, or the {@code file:} URI of a SQLite file.
     */
    public LiteDeskConfig forInstance(String id, String name, String databaseUri, String url, String key, String management) {
        boolean sqlite = databaseUri.startsWith("file:");
        return new LiteDeskConfig(0, dataDir, sqlite ? null : databaseUri, baseDomain, runtime, sqlite ? "sqlite" : "mongo", id, name, url,
                null, null, null, key, maxBodyBytes, maxImportBytes, 0, bcryptCost, management, "127.0.0.1", sqliteSynchronous,
                sqlite ? Path.of(java.net.URI.create(databaseUri)) : null, logFormat, reminderInterval, integrations,
                trustedProxies, keys); // dispatched on the control plane's own connection: the same peers are its proxies
    }

    static Function<String, String> reader(Function<String, String> env) {
        Config yaml = Config.just(ConfigSources.classpath("application.yaml"));
        return name -> {
            String value = env.apply(name);
            if (value != null) {
                return value.strip();
            }
            String key = "litedesk." + name.replaceFirst("^LITEDESK_", "").toLowerCase(Locale.ROOT).replace('_', '-');
            return yaml.get(key).asString().orElse(null);
        };
    }

    static String required(Function<String, String> get, String name) {
        String value = blankToNull(get.apply(name));
        if (value == null) {
            throw new ConfigurationError(name + " must be set");
        }
        return value;
    }

    static int integer(Function<String, String> get, String name, int min, int max) {
        String raw = required(get, name);
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigurationError(name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
        }
    }

    private static String oneOf(Function<String, String> get, String name, Set<String> allowed) {
        String value = required(get, name).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigurationError(name + " must be one of " + allowed.stream().sorted().toList() + ", got '" + value + "'");
        }
        return value;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
