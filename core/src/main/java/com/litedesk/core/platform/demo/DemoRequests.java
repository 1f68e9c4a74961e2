package com.litedesk.core.platform.demo;

import com.litedesk.core.access.Actor;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.records.Changes;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.DemoRequestState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public demo form and the admins' work on its requests: NEW → CONTACTED → QUALIFIED → CONVERTED, or
 * REJECTED. A second request from the same email while one is open is merged into it.
 */
public final class DemoRequests {

    public static final Set<String> COMPANY_SIZES = Set.of("1-10", "11-50", "51-200", "201-1000", "1000+");
    private static final Pattern PHONE = Pattern.compile("^[+0-9()./ -]{5,40}$");
    public static final FieldSet FIELDS = FieldSet.builder()
            .text("companyName").text("contactName").text("email").text("subdomain").text("industry").text("companySize")
            .enumeration("state", DemoRequestState.class).text("instanceId")
            .fullTextSearch()
            .build();
    private static final Actor PUBLIC = new Actor("public", com.litedesk.ports.identity.Role.VIEWER, null, null);

    private final PlatformContext context;
    private final Subdomains subdomains;
    private final ListQueries queries = new ListQueries(FIELDS);

    public DemoRequests(PlatformContext context) {
        this.context = context;
        this.subdomains = new Subdomains(context.stores().instances(), context.stores().demoRequests());
    }

    /** Whether a subdomain could be asked for now (for the form's check as one types). */
    public SubdomainAvailability availability(String subdomain) {
        return subdomains.check(subdomain, null);
    }

    /**
     * Records a prospect's request, or merges it into their open one (same email): the newer answers win and
     * {@code submissions} counts. VALIDATION names every wrong field, including a reserved or taken subdomain.
     */
    public DemoRequest submit(DemoRequestDraft draft, String requestId) {
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
        Actor actor = new Actor(PUBLIC.userId(), PUBLIC.role(), null, requestId);
        for (int attempt = 0; ; attempt++) {
            Instant now = context.now();
            var open = context.stores().demoRequests().findOpenByEmail(email);
            try {
                if (open.isPresent()) {
                    DemoRequest before = open.get();
                    DemoRequest merged = new DemoRequest(before.id(), before.version() + 1, company, contact, email, phone, size, industry,
                            subdomain, message, before.state(), before.submissions() + 1, null, before.decisionNote(),
                            before.createdAt(), now, "public");
                    context.stores().demoRequests().replace(merged, before.version());
                    context.audit().recordSuccess(actor, "demo-request.merge", ref(merged.id()), Map.of(),
                            Map.of("submissions", Integer.toString(merged.submissions())));
                    return merged;
                }
                DemoRequest created = new DemoRequest(context.ids().newId(), 1, company, contact, email, phone, size, industry,
                        subdomain, message, DemoRequestState.NEW, 1, null, null, now, now, "public");
                context.stores().demoRequests().insert(created);
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

    public ListResult<DemoRequest> list(Actor actor, ListRequest request) {
        context.access().requireViewer(actor, "demo-request.list");
        ListRequest newestFirst = request.sort() == null || request.sort().isBlank()
                ? new ListRequest(request.filter(), "-id", request.q(), request.cursor(), request.limit()) : request;
        var query = queries.toQuery(newestFirst, List.of());
        return queries.toResult(context.stores().demoRequests().list(query), query);
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

    DemoRequest find(String id) {
        return context.stores().demoRequests().findById(id).orElseThrow(() -> LiteDeskException.notFound("Demo request", id));
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

    private static String required(Validation v, String field) {
        v.error(field, "is required");
        return null;
    }

    static RecordRef ref(String id) {
        return new RecordRef(RecordType.DEMO_REQUEST, id);
    }
}
