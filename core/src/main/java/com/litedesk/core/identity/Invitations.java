package com.litedesk.core.identity;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.support.RandomTokens;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.CredentialsRepository;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.identity.OneTimeTokenRepository;
import com.litedesk.ports.identity.Role;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations: a one-time set-password link mailed to a user who has no password yet; only the token's hash is
 * stored. Owners and Admins list the pending ones, resend one (a new link; the earlier ones stop working) or revoke
 * one (its links stop working and the user is deactivated, freeing the seat).
 *
 * <p>While no mail provider delivers mail ({@link Mailer#delivers()} false: the development outbox), nobody's
 * mailbox receives an invitation, so the link is kept with the token and shown to Owners and Admins to hand over.
 * Once a provider delivers mail, a link is never kept nor shown: it reaches the invited mailbox only. The Owner's
 * invitation is never listed: an Admin holding it could take the Owner's account.
 */
public final class Invitations {

    static final String SET_PASSWORD = "SET_PASSWORD";
    static final Duration VALIDITY = Duration.ofDays(7);
    private static final int MAX_PENDING = 200;

    private final OneTimeTokenRepository tokens;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;
    private final java.util.function.Supplier<String> instanceName;
    private final RandomTokens random = new RandomTokens();
    private final RecordContext context;
    private final UserRepository users;
    private final CredentialsRepository credentials;
    private final Authentication authentication;

    public Invitations(RecordContext context, UserRepository users, CredentialsRepository credentials, Authentication authentication,
                       OneTimeTokenRepository tokens, Mailer mailer, String publicUrl, java.util.function.Supplier<String> instanceName) {
        this.context = context;
        this.users = users;
        this.credentials = credentials;
        this.authentication = authentication;
        this.tokens = tokens;
        this.mailer = mailer;
        this.clock = context.clock();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.instanceName = instanceName;
    }

    /** Whether links are shown to Owners and Admins: only while mail is kept, not delivered. */
    public boolean linksShown() {
        return !mailer.delivers();
    }

    /** A new one-time set-password link for {@code user}, valid for 7 days; earlier links stay valid. */
    public String link(User user) {
        return issue(user, null).link;
    }

    /** Mails a new set-password link to {@code user}; earlier links of the user stop working. */
    void invite(User user, String invitedBy) {
        revokeLinks(user.id());
        String link = issue(user, invitedBy).link;
        String instanceName = this.instanceName.get();
        mailer.send(new Mail(user.email(), "You are invited to " + instanceName,
                "Hello " + user.name() + ",\n\nyou have an account on " + instanceName + " (" + user.role() + ").\n"
                        + "Choose your password here (the link works once, for 7 days):\n\n" + link + "\n"));
    }

    /** The pending invitations, newest first: users without a password who may still sign in (the Owner left out). */
    public List<Invitation> pending(Actor actor) {
        context.guard().require(actor, Resource.INVITATIONS, Action.READ);
        var pending = users.list(Query.where(List.of(Condition.eq("active", true)), 10_000)).items().stream()
                .filter(u -> u.role() != Role.OWNER && !hasPassword(u.id()))
                .map(this::invitationOf)
                .sorted(Comparator.comparing(Invitation::invitedAt).reversed())
                .limit(MAX_PENDING)
                .toList();
        return pending;
    }

    /** The pending invitation of a user, if there is one and the actor may see invitations. */
    public Optional<Invitation> of(Actor actor, User user) {
        if (!context.guard().policy().allows(actor, Resource.INVITATIONS, Action.READ) || !isPending(user)) {
            return Optional.empty();
        }
        return Optional.of(invitationOf(user));
    }

    /** Mails a new link to an invited user; the earlier links stop working at once. */
    public Invitation resend(Actor actor, String userId) {
        context.guard().require(actor, Resource.INVITATIONS, Action.CREATE, ref(userId), Map.of());
        User user = requirePending(actor, userId, Action.CREATE);
        invite(user, actor.userId());
        context.audit().recordSuccess(actor, "invitation.resend", ref(user.id()), Map.of(), Map.of("email", user.email()));
        return invitationOf(user);
    }

    /** Withdraws an invitation: its links stop working and the invited user is deactivated (the seat is freed). */
    public void revoke(Actor actor, String userId) {
        context.guard().require(actor, Resource.INVITATIONS, Action.DELETE, ref(userId), Map.of());
        User user = requirePending(actor, userId, Action.DELETE);
        revokeLinks(user.id());
        User deactivated = new User(user.id(), user.version() + 1, user.email(), user.name(), user.role(), user.teamId(), false,
                user.createdAt(), user.createdBy(), context.now(), actor.userId());
        users.replace(deactivated, user.version());
        authentication.forget(user.id());
        authentication.endSessions(user.id());
        context.audit().recordSuccess(actor, "invitation.revoke", ref(user.id()), Map.of("email", user.email(), "active", "true"),
                Map.of("active", "false"));
    }

    /** Makes every unused set-password link of a user stop working. */
    void revokeLinks(String userId) {
        Instant now = now();
        for (OneTimeToken t : links(userId)) {
            if (t.usedAt() == null) {
                tokens.consume(t.id(), now);
            }
        }
    }

    private User requirePending(Actor actor, String userId, Action action) {
        if (userId == null || userId.length() > 64) {
            throw LiteDeskException.notFound("Invitation", String.valueOf(userId));
        }
        User user = users.findById(userId).orElseThrow(() -> LiteDeskException.notFound("Invitation", userId));
        if (user.role() == Role.OWNER) {
            throw context.guard().deny(actor, Resource.INVITATIONS, action, ref(userId), Map.of());
        }
        if (!isPending(user)) {
            throw LiteDeskException.conflict(user.active() ? user.name() + " has accepted the invitation already"
                    : user.name() + " is deactivated; reactivate them to invite them again");
        }
        return user;
    }

    private boolean isPending(User user) {
        return user.active() && user.role() != Role.OWNER && !hasPassword(user.id());
    }

    private boolean hasPassword(String userId) {
        return credentials.findById(userId).map(c -> c.passwordHash() != null).orElse(false);
    }

    private Invitation invitationOf(User user) {
        Instant now = now();
        OneTimeToken newest = links(user.id()).stream()
                .max(Comparator.comparing(t -> t.createdAt() == null ? t.expiresAt().minus(VALIDITY) : t.createdAt()))
                .orElse(null);
        Instant invitedAt = newest == null ? user.createdAt()
                : newest.createdAt() == null ? newest.expiresAt().minus(VALIDITY) : newest.createdAt();
        Instant expiresAt = newest == null ? user.createdAt() : newest.expiresAt();
        boolean live = newest != null && newest.usedAt() == null && newest.expiresAt().isAfter(now);
        String invitedBy = newest == null ? user.createdBy() : newest.createdBy();
        String invitedByName = invitedBy == null ? null : users.findById(invitedBy).map(User::name).orElse(null);
        String link = live && linksShown() ? newest.link() : null;
        return new Invitation(user.id(), user.email(), user.name(), user.role(), invitedBy, invitedByName, invitedAt, expiresAt,
                !live, link);
    }

    private List<OneTimeToken> links(String userId) {
        return tokens.list(Query.where(List.of(Condition.eq("userId", userId), Condition.eq("purpose", SET_PASSWORD)), 200)).items();
    }

    private Issued issue(User user, String invitedBy) {
        String token = random.next();
        Instant now = now();
        String link = publicUrl + "/set-password?token=" + token;
        tokens.insert(new OneTimeToken(Sha256.hex(token), 1, user.id(), SET_PASSWORD, now.plus(VALIDITY), null, now, invitedBy,
                linksShown() ? link : null));
        return new Issued(link);
    }

    private record Issued(String link) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RecordRef ref(String id) {
        return new RecordRef(RecordType.USER, id);
    }
}
