package com.litedesk.core.identity;

import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.support.RandomTokens;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.identity.OneTimeTokenRepository;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.identity.UserRepository;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Forgot password": anyone may ask for a reset link for an address, and is answered alike whether or not an account
 * has it (no account enumeration). An active user of that address is mailed a one-time link, valid for
 * {@link #VALIDITY}; a new one makes the earlier ones stop working. Setting a password with it uses it up and ends
 * every session of the user. At most {@link #PER_ADDRESS} requests per address are honoured in {@link #WINDOW},
 * known address or not; further ones are answered alike and mail nothing.
 *
 * <p>A reset link is a credential for the mailbox alone: it is never kept in clear nor shown to anyone, not even an
 * Owner. Without a mail provider it is kept only where every undelivered mail is (the development outbox, read by
 * platform admins, and the log line that announces it).
 */
public final class PasswordResets {

    static final String RESET_PASSWORD = "RESET_PASSWORD";
    static final Duration VALIDITY = Duration.ofHours(1);
    static final int PER_ADDRESS = 3;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 50_000;

    private final UserRepository users;
    private final OneTimeTokenRepository tokens;
    private final Authentication authentication;
    private final Mailer mailer;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    private final java.util.function.Supplier<String> instanceName;
    private final RandomTokens random = new RandomTokens();
    private final ConcurrentHashMap<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    public PasswordResets(UserRepository users, OneTimeTokenRepository tokens, Authentication authentication, Mailer mailer,
                          AuditLog audit, Clock clock, String publicUrl, java.util.function.Supplier<String> instanceName) {
        this.users = users;
        this.tokens = tokens;
        this.authentication = authentication;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.instanceName = instanceName;
    }

    /**
     * Asks for a reset link for {@code email}. Returns normally whatever the address (VALIDATION only when it is not an
     * email address at all); mails a link only to an active user of it, within the per-address limit.
     */
    public void request(String email, String requestId) {
        if (email == null || email.isBlank()) {
            throw LiteDeskException.invalid("email", "is required");
        }
        String account = email.strip().toLowerCase(Locale.ROOT);
        if (account.length() > 254 || !account.matches("^[^@\\s]+@[^@\\s]+$")) {
            throw LiteDeskException.invalid("email", "is not an email address");
        }
        Instant now = now();
        if (!admit(Sha256.hex(account), now)) {
            return;
        }
        User user = users.findByEmail(account).filter(User::active).orElse(null);
        if (user == null) {
            return;
        }
        for (OneTimeToken earlier : tokens.list(Query.where(List.of(Condition.eq("userId", user.id()),
                Condition.eq("purpose", RESET_PASSWORD)), 200)).items()) {
            if (earlier.usedAt() == null) {
                tokens.consume(earlier.id(), now);
            }
        }
        String token = random.next();
        tokens.insert(new OneTimeToken(Sha256.hex(token), 1, user.id(), RESET_PASSWORD, now.plus(VALIDITY), null, now, null, null));
        String link = publicUrl + "/reset-password?token=" + token;
        String instanceName = this.instanceName.get();
        mailer.send(new Mail(user.email(), "Reset your " + instanceName + " password",
                "Hello " + user.name() + ",\n\nsomeone asked to reset the password of your account on " + instanceName + ".\n"
                        + "Choose a new password here (the link works once, for an hour):\n\n" + link + "\n\n"
                        + "If it was not you, ignore this mail: your password stays as it is.\n"));
        audit.recordSuccess(Authentication.actorOf(user, requestId), "auth.password.reset.request", ref(user), Map.of(), Map.of());
    }

    /** Sets a new password with a reset link; the link is used up and every session of the user ends. */
    public void reset(String token, String password, String requestId) {
        Passwords.check("password", password);
        if (token == null || token.isBlank() || token.length() > 200) {
            throw LiteDeskException.invalid("token", "this link is not valid");
        }
        var link = tokens.findById(Sha256.hex(token))
                .filter(t -> RESET_PASSWORD.equals(t.purpose()) && t.usedAt() == null)
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid or was used already"));
        if (link.expiresAt().isBefore(now())) {
            throw LiteDeskException.invalid("token", "this link has expired; ask for a new one");
        }
        User user = users.findById(link.userId()).filter(User::active)
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid"));
        Passwords.check("password", password, user.email(), user.name());
        tokens.consume(link.id(), now())
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid or was used already"));
        authentication.setInitialPassword(user, password);
        authentication.endSessions(user.id());
        audit.recordSuccess(Authentication.actorOf(user, requestId), "auth.password.reset", ref(user), Map.of(), Map.of());
    }

    /** Counts a request for an address; false beyond {@link #PER_ADDRESS} in {@link #WINDOW}. */
    private boolean admit(String key, Instant now) {
        if (requests.size() > MAX_TRACKED) {
            requests.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW));
                }
            });
        }
        Deque<Instant> seen = requests.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (seen) {
            while (!seen.isEmpty() && !seen.peekFirst().isAfter(now.minus(WINDOW))) {
                seen.pollFirst();
            }
            if (seen.size() >= PER_ADDRESS) {
                return false;
            }
            seen.addLast(now);
            return true;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RecordRef ref(User user) {
        return new RecordRef(RecordType.USER, user.id());
    }
}
