package com.litedesk.core.platform.demo;

import com.litedesk.core.access.Actor;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.records.Changes;
import com.litedesk.core.records.Validation;
import com.litedesk.core.support.RandomTokens;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.DemoRequestState;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Query;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public demo form and the admins' work on its requests: NEW → CONTACTED → QUALIFIED → CONVERTED, or
 * REJECTED. A submission never changes an existing request by itself: the first one from an email creates the
 * request (and mails a receipt); a later one while that request is open is kept apart as UNCONFIRMED and a
 * one-time link is mailed to the address. Confirmed, its answers replace those of the open request (or, when
 * that request was decided meanwhile, it becomes a NEW request of its own). Unconfirmed submissions hold their
 * subdomain for {@link com.litedesk.core.platform.context.PlatformSettings#unconfirmedHold()}, then are dropped.
 * Whoever submits learns nothing of which case applied: both are answered alike and both send one mail.
 */
public final class DemoRequests {

    public static final Set<String> COMPANY_SIZES = Set.of("1-10", "11-50", "51-200", "201-1000", "1000+");
    static final String CONFIRMATION = "DEMO_REQUEST_CONFIRMATION";
    private static final Pattern PHONE = Pattern.compile("^[+0-9()./ -]{5,40}$");
    private static final String STALE_LINK = "this link is no longer valid (used, replaced by a newer one or expired); send the form again";
    public static final FieldSet FIELDS = FieldSet.builder()
            .text("companyName").text("contactName").text("email").text("subdomain").text("industry").text("companySize")
            .enumeration("state", DemoRequestState.class).text("instanceId")
            .fullTextSearch()
            .build();
    private static final Actor PUBLIC = new Actor("public", com.litedesk.ports.identity.Role.VIEWER, null, null);

    private final PlatformContext context;
    private final Subdomains subdomains;
    private final RandomTokens random = new RandomTokens();
    private final ListQueries queries = new ListQueries(FIELDS);

    public DemoRequests(PlatformContext context) {
        this.context = context;
        this.subdomains = Subdomains.of(context);
    }

    /** Whether a subdomain could be asked for now (for the form's check as one types). */
    public SubdomainAvailability availability(String subdomain) {
        return subdomains.check(subdomain, null);
    }

    /**
     * Takes a prospect's submission: the new NEW request when the email has no open one, else the UNCONFIRMED
     * submission held until confirmed through the mailed link (earlier unconfirmed ones of that email are dropped).
     * VALIDATION names every wrong field, including a reserved or taken subdomain.
     */
    public DemoRequest submit(DemoRequestDraft draft, String requestId) {
        DemoRequest asked = validated(draft);
        Actor actor = new Actor(PUBLIC.userId(), PUBLIC.role(), null, requestId);
        for (int attempt = 0; ; attempt++) {
            Instant now = context.now();
            var open = context.stores().demoRequests().findOpenByEmail(asked.email());
            try {
                if (open.isPresent()) {
                    return hold(actor, asked, now);
                }
                DemoRequest created = copy(asked, context.ids().newId(), 1, DemoRequestState.NEW, 1, now, now);
                context.stores().demoRequests().insert(created);
                dropUnconfirmed(created.email(), created.id());
                context.audit().recordSuccess(actor, "demo-request.create", ref(created.id()), Map.of(), Changes.of(created));
                context.mailer().send(DemoMails.received(created, context.settings().urlOf(created.subdomain())));
                return created;
            } catch (LiteDeskException e) {
                boolean raced = e.code() == ErrorCode.CONFLICT || e.code() == ErrorCode.PRECONDITION_FAILED;
                if (!raced || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private DemoRequest hold(Actor actor, DemoRequest asked, Instant now) {
        DemoRequest held = copy(asked, context.ids().newId(), 1, DemoRequestState.UNCONFIRMED, 1, now, now);
        context.stores().demoRequests().insert(held);
        dropUnconfirmed(held.email(), held.id());
        String token = random.next();
        context.stores().accounts().oneTimeTokens().insert(new OneTimeToken(Sha256.hex(token), 1, held.id(), CONFIRMATION,
                now.plus(context.settings().unconfirmedHold()), null));
        context.audit().recordSuccess(actor, "demo-request.hold", ref(held.id()), Map.of(), Map.of("subdomain", held.subdomain()));
        String link = context.settings().publicUrl() + "/?confirm=" + token;
        context.mailer().send(DemoMails.confirm(held, context.settings().urlOf(held.subdomain()), link,
                context.settings().unconfirmedHold()));
        return held;
    }

    /**
     * Confirms a held submission with the token of its mailed link: its answers replace the open request's (which
     * keeps its state and counts one more submission), or it becomes a NEW request when the email has no open
     * one any more. Returns the request as it now stands. VALIDATION for a used, replaced or expired link, or a
     * subdomain someone else took meanwhile.
     */
    public DemoRequest confirm(String token, String requestId) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw LiteDeskException.invalid("token", "is not a confirmation link's token");
        }
        Instant now = context.now();
        OneTimeToken used = context.stores().accounts().oneTimeTokens().consume(Sha256.hex(token), now)
                .filter(t -> CONFIRMATION.equals(t.purpose()) && t.expiresAt().isAfter(now))
                .orElseThrow(() -> LiteDeskException.invalid("token", STALE_LINK));
        DemoRequest held = context.stores().demoRequests().findById(used.userId())
                .filter(r -> r.state() == DemoRequestState.UNCONFIRMED && subdomains.stillHeld(r.updatedAt()))
                .orElseThrow(() -> LiteDeskException.invalid("token", STALE_LINK));
        Actor actor = new Actor(PUBLIC.userId(), PUBLIC.role(), null, requestId);
        SubdomainAvailability availability = subdomains.check(held.subdomain(), held.email());
        if (!availability.available()) {
            context.stores().demoRequests().delete(held.id(), held.version());
            throw LiteDeskException.invalid("subdomain", availability.reason() + "; send the form again with another address");
        }
        for (int attempt = 0; ; attempt++) {
            var open = context.stores().demoRequests().findOpenByEmail(held.email());
            try {
                if (open.isPresent()) {
                    DemoRequest before = open.get();
                    DemoRequest merged = new DemoRequest(before.id(), before.version() + 1, held.companyName(), held.contactName(),
                            held.email(), held.phone(), held.companySize(), held.industry(), held.subdomain(), held.message(),
                            before.state(), before.submissions() + 1, before.instanceId(), before.decisionNote(), before.createdAt(),
                            context.now(), "public");
                    context.stores().demoRequests().replace(merged, before.version());
                    context.stores().demoRequests().delete(held.id(), held.version());
                    var diff = Changes.diff(before, merged);
                    context.audit().recordSuccess(actor, "demo-request.merge", ref(merged.id()), diff.before(), diff.after());
                    return merged;
                }
                DemoRequest created = copy(held, held.id(), held.version() + 1, DemoRequestState.NEW, 1, held.createdAt(), context.now());
                context.stores().demoRequests().replace(created, held.version());
                context.audit().recordSuccess(actor, "demo-request.create", ref(created.id()), Map.of(), Changes.of(created));
                return created;
            } catch (LiteDeskException e) {
                boolean raced = e.code() == ErrorCode.CONFLICT || e.code() == ErrorCode.PRECONDITION_FAILED;
                if (!raced || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** Drops the unconfirmed submissions whose confirmation time has passed (a scheduled job); returns how many. */
    public int releaseUnconfirmed() {
        int released = 0;
        Query query = new Query(List.of(Condition.eq("state", DemoRequestState.UNCONFIRMED)), List.of(), null, 500);
        while (true) {
            var page = context.stores().demoRequests().list(query);
            for (DemoRequest held : page.items()) {
                if (!subdomains.stillHeld(held.updatedAt()) && deleted(held)) {
                    released++;
                }
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return released;
            }
            query = query.withAfter(List.of(page.items().getLast().id()));
        }
    }

    /** Demo requests, newest first; unconfirmed submissions are not requests yet and are left out. */
    public ListResult<DemoRequest> list(Actor actor, ListRequest request) {
        context.access().requireViewer(actor, "demo-request.list");
        ListRequest newestFirst = request.sort() == null || request.sort().isBlank()
                ? new ListRequest(request.filter(), "-id", request.q(), request.cursor(), request.limit()) : request;
        var query = queries.toQuery(newestFirst, List.of(Condition.of("state", Operator.NE, DemoRequestState.UNCONFIRMED)));
        return queries.page(context.stores().demoRequests(), query, request);
    }

    public DemoRequest get(Actor actor, String id) {
        context.access().requireViewer(actor, "demo-request.read");
        return find(id);
    }

    /** NEW → CONTACTED: someone has spoken to the prospect. */
    public DemoRequest markContacted(Actor actor, String id) {
        return move(actor, id, "demo-request.contact", DemoRequestState.CONTACTED, null, Set.of(DemoRequestState.NEW));
    }

    /** NEW or CONTACTED → QUALIFIED: ready to convert. */
    public DemoRequest qualify(Actor actor, String id) {
        return move(actor, id, "demo-request.qualify", DemoRequestState.QUALIFIED, null,
                Set.of(DemoRequestState.NEW, DemoRequestState.CONTACTED));
    }

    /** Any open state → REJECTED, with an optional note. */
    public DemoRequest reject(Actor actor, String id, String note) {
        Validation v = new Validation();
        String reason = v.optional("note", note, 1000);
        v.throwIfInvalid();
        return move(actor, id, "demo-request.reject", DemoRequestState.REJECTED, reason,
                Set.of(DemoRequestState.NEW, DemoRequestState.CONTACTED, DemoRequestState.QUALIFIED));
    }

    /** A demo request by id; an unconfirmed submission is none. */
    DemoRequest find(String id) {
        return context.stores().demoRequests().findById(id).filter(r -> r.state() != DemoRequestState.UNCONFIRMED)
                .orElseThrow(() -> LiteDeskException.notFound("Demo request", id));
    }

    private DemoRequest move(Actor actor, String id, String action, DemoRequestState to, String note, Set<DemoRequestState> from) {
        context.access().requireAdmin(actor, action, ref(id));
        DemoRequest before = find(id);
        DemoRequest after = PlatformContext.update(context.stores().demoRequests(), id, "Demo request", current -> {
            if (!from.contains(current.state())) {
                throw LiteDeskException.conflict("a " + current.state() + " demo request cannot become " + to);
            }
            return current.withState(to, note, current.instanceId(), actor.userId(), context.now());
        });
        context.audit().recordSuccess(actor, action, ref(id), Map.of("state", before.state().name()), Map.of("state", to.name()));
        return after;
    }

    /** The draft checked field by field, as a request without id, state or times. */
    private DemoRequest validated(DemoRequestDraft draft) {
        Validation v = new Validation();
        String company = v.required("companyName", draft.companyName(), 200);
        String contact = v.required("contactName", draft.contactName(), 200);
        String email = draft.email() == null || draft.email().isBlank()
                ? required(v, "email") : v.email("email", draft.email());
        String phone = v.optional("phone", draft.phone(), 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.error("phone", "may hold digits, spaces and + ( ) . / - only");
        }
        String size = v.optional("companySize", draft.companySize(), 20);
        if (size != null && !COMPANY_SIZES.contains(size)) {
            v.error("companySize", "must be one of 1-10, 11-50, 51-200, 201-1000, 1000+");
        }
        String industry = v.optional("industry", draft.industry(), 100);
        String message = v.optional("message", draft.message(), 2000);
        String subdomain = draft.subdomain() == null ? null : draft.subdomain().strip().toLowerCase(java.util.Locale.ROOT);
        SubdomainAvailability availability = subdomains.check(subdomain, email);
        if (!availability.available()) {
            v.error("subdomain", availability.reason());
        }
        v.throwIfInvalid();
        return new DemoRequest(null, 0, company, contact, email, phone, size, industry, subdomain, message, null, 0, null, null,
                null, null, "public");
    }

    /** The answers of {@code answers} as a stored request with the given identity, state and times. */
    private static DemoRequest copy(DemoRequest answers, String id, long version, DemoRequestState state, int submissions,
                                    Instant createdAt, Instant updatedAt) {
        return new DemoRequest(id, version, answers.companyName(), answers.contactName(), answers.email(), answers.phone(),
                answers.companySize(), answers.industry(), answers.subdomain(), answers.message(), state, submissions, null, null,
                createdAt, updatedAt, "public");
    }

    /** Drops the email's unconfirmed submissions other than {@code keep}: only the newest link works. */
    private void dropUnconfirmed(String email, String keep) {
        var held = context.stores().demoRequests().list(Query.where(List.of(Condition.eq("email", email),
                Condition.eq("state", DemoRequestState.UNCONFIRMED)), 50)).items();
        for (DemoRequest r : held) {
            if (!r.id().equals(keep)) {
                deleted(r);
            }
        }
    }

    private boolean deleted(DemoRequest request) {
        try {
            context.stores().demoRequests().delete(request.id(), request.version());
            return true;
        } catch (LiteDeskException e) {
            if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.PRECONDITION_FAILED) {
                return false; // confirmed or dropped meanwhile
            }
            throw e;
        }
    }

    private static String required(Validation v, String field) {
        v.error(field, "is required");
        return null;
    }

    static RecordRef ref(String id) {
        return new RecordRef(RecordType.DEMO_REQUEST, id);
    }
}
