package com.litedesk.core.platform.context;

import java.time.Duration;
import java.util.Objects;

/**
 * How the control plane behaves: where instances are reached, how provisioning retries, how monitoring
 * judges health and how long trials last after they end.
 *
 * @param baseDomain instances are {@code <subdomain>.<baseDomain>}
 * @param publicScheme {@code http} or {@code https}
 * @param publicPort the port users reach instances on (left out of URLs when it is the scheme's default)
 * @param dnsTarget what instance host names point at (the ingress, a load balancer)
 * @param maxAttempts attempts of one step before provisioning FAILS
 * @param firstRetry delay after the first failed attempt; it doubles up to {@code maxRetry}, with jitter
 * @param stepTimeout longest time one attempt of a step may take
 * @param healthyTimeout longest time to wait for a new workload to become healthy
 * @param historyRetention health checks and usage samples kept per instance
 * @param degradedAfter failed health checks in a row that make a READY instance DEGRADED
 * @param monitoringConcurrency instances checked at the same time
 * @param trialGrace how long a trial's instance keeps running after the trial ended
 * @param unconfirmedHold how long a repeat demo submission awaits its confirmation (and holds its subdomain)
 */
public record PlatformSettings(
        String baseDomain,
        String publicScheme,
        int publicPort,
        String dnsTarget,
        int maxAttempts,
        Duration firstRetry,
        Duration maxRetry,
        Duration stepTimeout,
        Duration healthyTimeout,
        int historyRetention,
        int degradedAfter,
        int monitoringConcurrency,
        Duration trialGrace,
        Duration unconfirmedHold) {

    public PlatformSettings {
        Objects.requireNonNull(baseDomain, "baseDomain");
        Objects.requireNonNull(publicScheme, "publicScheme");
        Objects.requireNonNull(dnsTarget, "dnsTarget");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(healthyTimeout, "healthyTimeout");
        Objects.requireNonNull(trialGrace, "trialGrace");
        Objects.requireNonNull(unconfirmedHold, "unconfirmedHold");
        if (unconfirmedHold.isNegative() || unconfirmedHold.isZero()) {
            throw new IllegalArgumentException("unconfirmedHold must be positive");
        }
        if (maxAttempts < 1 || historyRetention < 1 || degradedAfter < 1 || monitoringConcurrency < 1) {
            throw new IllegalArgumentException("attempts, retention, degradedAfter and concurrency must be positive");
        }
    }

    /** These settings with a repeat demo submission awaiting confirmation for 24 hours. */
    public PlatformSettings(String baseDomain, String publicScheme, int publicPort, String dnsTarget, int maxAttempts,
                            Duration firstRetry, Duration maxRetry, Duration stepTimeout, Duration healthyTimeout,
                            int historyRetention, int degradedAfter, int monitoringConcurrency, Duration trialGrace) {
        this(baseDomain, publicScheme, publicPort, dnsTarget, maxAttempts, firstRetry, maxRetry, stepTimeout, healthyTimeout,
                historyRetention, degradedAfter, monitoringConcurrency, trialGrace, Duration.ofHours(24));
    }

    /** Defaults for a control plane on {@code localhost:<port>}. */
    public static PlatformSettings local(int port) {
        return new PlatformSettings("localhost", "http", port, "127.0.0.1", 5, Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(2), 288, 3, 32, Duration.ofDays(7));
    }

    public String hostOf(String subdomain) {
        return subdomain + "." + baseDomain;
    }

    /** Where the control plane itself (the public form, the console) is reached. */
    public String publicUrl() {
        return publicScheme + "://" + baseDomain + portSuffix();
    }

    public String urlOf(String subdomain) {
        return publicScheme + "://" + hostOf(subdomain) + portSuffix();
    }

    private String portSuffix() {
        boolean defaultPort = publicPort <= 0 || ("http".equals(publicScheme) && publicPort == 80)
                || ("https".equals(publicScheme) && publicPort == 443);
        return defaultPort ? "" : ":" + publicPort;
    }
}
