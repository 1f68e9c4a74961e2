package com.litedesk.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * What only the control plane reads: its first admin, how often monitoring and jobs run, the public form's
 * rate limit, how often a failing provisioning step is tried. Durations are ISO-8601 ({@code PT5M}).
 *
 * @param demoConfirmationTtl how long a repeat demo submission awaits its mailed confirmation (and holds its subdomain)
 * @param instanceDatabaseUsers on MONGO_URI, one MongoDB user per instance (LITEDESK_DB_USERS=per-instance)
 * @param crashAfterStep for crash tests only: after this provisioning step's action the process stops dead
 */
public record PlatformConfig(
        String adminEmail,
        String adminPassword,
        Duration healthInterval,
        Duration usageInterval,
        Duration backupInterval,
        Duration trialCheckInterval,
        int demoRequestsPerHour,
        Duration demoConfirmationTtl,
        String publicScheme,
        int publicPort,
        String crashAfterStep,
        String dockerImage,
        String dockerDatabaseImage,
        String kubernetesImage,
        String ingressClass,
        String clusterIssuer,
        String wildcardTlsSecret,
        String ingressNamespace,
        int provisioningAttempts,
        Duration provisioningFirstRetry,
        boolean instanceDatabaseUsers,
        com.litedesk.adapters.k8s.DatabaseSettings kubernetesDatabase,
        String kubernetesInstanceRoleArn) {

    public static PlatformConfig fromEnvironment(LiteDeskConfig base) {
        return from(System::getenv, base);
    }

    public static PlatformConfig from(Function<String, String> env, LiteDeskConfig base) {
        var get = LiteDeskConfig.reader(env);
        String adminEmail = LiteDeskConfig.blankToNull(get.apply("LITEDESK_ADMIN_EMAIL"));
        String adminPassword = LiteDeskConfig.blankToNull(get.apply("LITEDESK_ADMIN_PASSWORD"));
        if (adminPassword != null && adminEmail == null) {
            throw new ConfigurationError("LITEDESK_ADMIN_PASSWORD is set but LITEDESK_ADMIN_EMAIL is not");
        }
        String scheme = LiteDeskConfig.required(get, "LITEDESK_PUBLIC_SCHEME").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigurationError("LITEDESK_PUBLIC_SCHEME must be http or https, got '" + scheme + "'");
        }
        String publicPort = LiteDeskConfig.blankToNull(get.apply("LITEDESK_PUBLIC_PORT"));
        if (base.runtime().equals("kubernetes")) {
            if (base.mongoUri() == null) {
                throw new ConfigurationError("LITEDESK_RUNTIME=kubernetes needs MONGO_URI: instances keep their databases on that MongoDB");
            }
            if (LiteDeskConfig.blankToNull(get.apply("LITEDESK_K8S_IMAGE")) == null) {
                throw new ConfigurationError("LITEDESK_RUNTIME=kubernetes needs LITEDESK_K8S_IMAGE, the LiteDesk image instances run");
            }
        }
        return new PlatformConfig(adminEmail, adminPassword,
                duration(get, "LITEDESK_HEALTH_INTERVAL"), duration(get, "LITEDESK_USAGE_INTERVAL"),
                duration(get, "LITEDESK_BACKUP_INTERVAL"), duration(get, "LITEDESK_TRIAL_CHECK_INTERVAL"),
                LiteDeskConfig.integer(get, "LITEDESK_DEMO_REQUESTS_PER_HOUR", 1, 1_000_000), duration(get, "LITEDESK_DEMO_CONFIRMATION_TTL"),
                scheme,
                publicPort == null ? base.port() : LiteDeskConfig.integer(get, "LITEDESK_PUBLIC_PORT", 1, 65535),
                LiteDeskConfig.blankToNull(get.apply("LITEDESK_CRASH_AFTER_STEP")),
                LiteDeskConfig.required(get, "LITEDESK_DOCKER_IMAGE"), LiteDeskConfig.blankToNull(get.apply("LITEDESK_DOCKER_DB_IMAGE")),
                LiteDeskConfig.blankToNull(get.apply("LITEDESK_K8S_IMAGE")), LiteDeskConfig.required(get, "LITEDESK_K8S_INGRESS_CLASS"),
                LiteDeskConfig.required(get, "LITEDESK_K8S_CLUSTER_ISSUER"), LiteDeskConfig.blankToNull(get.apply("LITEDESK_K8S_WILDCARD_TLS_SECRET")),
                LiteDeskConfig.required(get, "LITEDESK_K8S_INGRESS_NAMESPACE"),
                LiteDeskConfig.integer(get, "LITEDESK_PROVISIONING_ATTEMPTS", 1, 100), duration(get, "LITEDESK_PROVISIONING_FIRST_RETRY"),
                databaseUsers(get), kubernetesDatabase(get), LiteDeskConfig.blankToNull(get.apply("LITEDESK_K8S_INSTANCE_ROLE_ARN")));
    }

    /** Per-instance StatefulSets (LITEDESK_K8S_DATABASE=statefulset), or null for databases on MONGO_URI. */
    private static com.litedesk.adapters.k8s.DatabaseSettings kubernetesDatabase(Function<String, String> get) {
        String mode = LiteDeskConfig.required(get, "LITEDESK_K8S_DATABASE").toLowerCase(Locale.ROOT);
        if (mode.equals("shared")) {
            return null;
        }
        if (!mode.equals("statefulset")) {
            throw new ConfigurationError("LITEDESK_K8S_DATABASE must be shared or statefulset, got '" + mode + "'");
        }
        String storage = LiteDeskConfig.required(get, "LITEDESK_K8S_DB_STORAGE");
        if (!storage.matches("^\\d+(Mi|Gi|Ti)$")) {
            throw new ConfigurationError("LITEDESK_K8S_DB_STORAGE must be a size such as 5Gi, got '" + storage + "'");
        }
        String namespace = LiteDeskConfig.blankToNull(get.apply("LITEDESK_K8S_CONTROL_PLANE_NAMESPACE"));
        if (namespace == null) {
            namespace = LiteDeskConfig.blankToNull(get.apply("POD_NAMESPACE"));
        }
        if (namespace == null) {
            throw new ConfigurationError("LITEDESK_K8S_DATABASE=statefulset needs LITEDESK_K8S_CONTROL_PLANE_NAMESPACE (or POD_NAMESPACE), "
                    + "the only namespace let in to instance databases besides the instance");
        }
        return new com.litedesk.adapters.k8s.DatabaseSettings(LiteDeskConfig.required(get, "LITEDESK_K8S_DB_IMAGE"), storage,
                LiteDeskConfig.blankToNull(get.apply("LITEDESK_K8S_DB_STORAGE_CLASS")), "500m", "512Mi", namespace, Duration.ofMinutes(3));
    }

    private static boolean databaseUsers(Function<String, String> get) {
        String raw = LiteDeskConfig.required(get, "LITEDESK_DB_USERS").toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "per-instance" -> true;
            case "shared" -> false;
            default -> throw new ConfigurationError("LITEDESK_DB_USERS must be per-instance or shared, got '" + raw + "'");
        };
    }

    private static Duration duration(Function<String, String> get, String name) {
        String raw = LiteDeskConfig.required(get, name);
        try {
            Duration d = Duration.parse(raw.toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("not positive", raw, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ConfigurationError(name + " must be a positive ISO-8601 duration such as PT5M, got '" + raw + "'");
        }
    }
}
