package com.litedesk.core.platform.demo;

import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.DemoRequestState;
import com.litedesk.ports.platform.DemoRequestRepository;
import com.litedesk.ports.platform.InstanceRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of instance subdomains: 3-32 characters, lower-case letters, digits and inner hyphens, starting
 * with a letter; not reserved; not used by an instance; not asked for by another prospect's open request, nor by
 * an unconfirmed submission younger than the hold (after that it is released without anyone having to act).
 */
public final class Subdomains {

    private static final Pattern FORM = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");
    private static final Set<String> RESERVED = Set.of(
            "www", "api", "admin", "app", "apps", "auth", "login", "logout", "signup", "account", "accounts", "billing",
            "console", "control", "dashboard", "status", "health", "metrics", "docs", "help", "support", "blog", "news",
            "mail", "email", "smtp", "imap", "pop", "ftp", "sftp", "ssh", "vpn", "ns", "ns1", "ns2", "dns", "mx",
            "static", "assets", "cdn", "media", "files", "img", "images", "download", "downloads", "dev", "staging", "test",
            "demo", "sandbox", "internal", "root", "system", "localhost", "litedesk", "platform", "public", "private",
            "security", "abuse", "postmaster", "hostmaster", "webmaster", "openapi", "graphql", "ws", "wss", "cp", "crm");

    private final InstanceRepository instances;
    private final DemoRequestRepository requests;
    private final Clock clock;
    private final Duration hold;

    /** @param hold how long an unconfirmed submission keeps its subdomain */
    public Subdomains(InstanceRepository instances, DemoRequestRepository requests, Clock clock, Duration hold) {
        this.instances = instances;
        this.requests = requests;
        this.clock = clock;
        this.hold = hold;
    }

    /** The subdomain rules over the control plane's stores and settings. */
    public static Subdomains of(PlatformContext context) {
        return new Subdomains(context.stores().instances(), context.stores().demoRequests(), context.clock(),
                context.settings().unconfirmedHold());
    }

    /** Whether an unconfirmed submission made at {@code at} still waits for its confirmation. */
    boolean stillHeld(Instant at) {
        return at.isAfter(clock.instant().minus(hold));
    }

    /** Why {@code subdomain} is not well formed, or null when it is. */
    public static String formError(String subdomain) {
        if (subdomain == null || subdomain.isBlank()) {
            return "is required";
        }
        if (!FORM.matcher(subdomain).matches()) {
            return "must be 3 to 32 lower-case letters, digits or hyphens, start with a letter and not end with a hyphen";
        }
        if (subdomain.contains("--")) {
            return "must not contain two hyphens in a row";
        }
        return null;
    }

    /** Whether {@code subdomain} may be requested by {@code email} (their own open request does not count). */
    public SubdomainAvailability check(String subdomain, String email) {
        String name = subdomain == null ? null : subdomain.strip().toLowerCase(Locale.ROOT);
        String error = formError(name);
        if (error != null) {
            return new SubdomainAvailability(subdomain, false, error);
        }
        if (RESERVED.contains(name)) {
            return new SubdomainAvailability(name, false, "is reserved");
        }
        if (instances.findBySubdomain(name).isPresent()) {
            return new SubdomainAvailability(name, false, "is taken");
        }
        List<DemoRequest> asking = requests.list(new Query(List.of(Condition.eq("subdomain", name)), List.of(), null, 50)).items();
        boolean askedByOthers = asking.stream().anyMatch(r -> holds(r) && (email == null || !r.email().equals(email)));
        if (askedByOthers) {
            return new SubdomainAvailability(name, false, "is taken");
        }
        return new SubdomainAvailability(name, true, null);
    }

    private boolean holds(DemoRequest request) {
        return request.state().isOpen() || (request.state() == DemoRequestState.UNCONFIRMED && stillHeld(request.updatedAt()));
    }
}
