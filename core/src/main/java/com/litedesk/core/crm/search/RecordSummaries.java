package com.litedesk.core.crm.search;

import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.CompanyRepository;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.store.SearchText;
import java.util.Optional;

/**
 * Turns a record into the {@link RecordSummary} a person reads: its name in words and the line that tells it from
 * its namesakes. A linked record (a deal's company, a task's contact…) is named only when the actor may read that
 * kind of record, so a summary never shows more than the actor's own lists would.
 */
public final class RecordSummaries {

    /** How much of a note's first line titles it. */
    static final int NOTE_TITLE_LENGTH = 80;

    private final AccessPolicy policy;
    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final DealRepository deals;

    public RecordSummaries(AccessPolicy policy, ContactRepository contacts, CompanyRepository companies, DealRepository deals) {
        this.policy = policy;
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
    }

    public RecordSummary of(Actor actor, Object record) {
        return switch (record) {
            case Contact c -> new RecordSummary(RecordType.CONTACT, c.id(), contactName(c),
                    c.primaryEmail() != null ? c.primaryEmail() : name(actor, RecordType.COMPANY, c.companyId()), null, null, null);
            case Company c -> new RecordSummary(RecordType.COMPANY, c.id(), c.name(), c.domain(), null, null, null);
            case Deal d -> new RecordSummary(RecordType.DEAL, d.id(), d.title(), name(actor, RecordType.COMPANY, d.companyId()),
                    d.value(), d.currency(), null);
            case Task t -> new RecordSummary(RecordType.TASK, t.id(), t.title(), linked(actor, t.linkedRecord()), null, null,
                    t.dueDate());
            case Note n -> new RecordSummary(RecordType.NOTE, n.id(), firstLine(n.text()), linked(actor, n.target()), null, null, null);
            default -> throw new IllegalArgumentException(record.getClass().getName());
        };
    }

    /** A contact's full name, else their email (a contact may have neither name). */
    static String contactName(Contact c) {
        String name = SearchText.join(c.firstName(), c.lastName());
        if (!name.isEmpty()) {
            return name;
        }
        return c.primaryEmail() != null ? c.primaryEmail() : "Unnamed contact";
    }

    /** The first line of a note that has words, cut at a word to {@value #NOTE_TITLE_LENGTH} characters. */
    static String firstLine(String text) {
        String line = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (line.length() <= NOTE_TITLE_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', NOTE_TITLE_LENGTH - 1);
        return line.substring(0, cut > NOTE_TITLE_LENGTH / 2 ? cut : NOTE_TITLE_LENGTH - 1).strip() + "…";
    }

    private String linked(Actor actor, RecordRef ref) {
        return ref == null ? null : name(actor, ref.type(), ref.id());
    }

    private String name(Actor actor, RecordType type, String id) {
        if (id == null || !CrmKinds.isCrmRecord(type) || !policy.allows(actor, CrmKinds.resourceOf(type), Action.READ)) {
            return null;
        }
        Optional<? extends Owned> record = switch (type) {
            case CONTACT -> contacts.findById(id);
            case COMPANY -> companies.findById(id);
            case DEAL -> deals.findById(id);
            default -> Optional.empty();
        };
        return record.filter(r -> policy.allows(actor, CrmKinds.resourceOf(type), Action.READ, r)).map(r -> switch (r) {
            case Contact c -> contactName(c);
            case Company c -> c.name();
            case Deal d -> d.title();
            default -> null;
        }).orElse(null);
    }
}
