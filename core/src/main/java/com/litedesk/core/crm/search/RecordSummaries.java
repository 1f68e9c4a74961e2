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
            case Contact c -> {
                RecordRef company = c.companyId() == null ? null : new RecordRef(RecordType.COMPANY, c.companyId());
                String companyName = name(actor, company);
                yield new RecordSummary(RecordType.CONTACT, c.id(), contactName(c), c.primaryEmail() != null ? c.primaryEmail() : companyName,
                        companyName == null ? null : company, null, null, null);
            }
            case Company c -> new RecordSummary(RecordType.COMPANY, c.id(), c.name(), c.domain(), null, null, null, null);
            case Deal d -> {
                RecordRef company = d.companyId() == null ? null : new RecordRef(RecordType.COMPANY, d.companyId());
                String companyName = name(actor, company);
                yield new RecordSummary(RecordType.DEAL, d.id(), d.title(), companyName, companyName == null ? null : company,
                        d.value(), d.currency(), null);
            }
            case Task t -> about(RecordType.TASK, t.id(), t.title(), actor, t.linkedRecord(), t.dueDate());
            case Note n -> about(RecordType.NOTE, n.id(), firstLine(n.text()), actor, n.target(), null);
            default -> throw new IllegalArgumentException(record.getClass().getName());
        };
    }

    private RecordSummary about(RecordType kind, String id, String title, Actor actor, RecordRef linked, java.time.LocalDate dueDate) {
        String name = name(actor, linked);
        return new RecordSummary(kind, id, title, name, name == null ? null : linked, null, null, dueDate);
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

    private String name(Actor actor, RecordRef ref) {
        if (ref == null) {
            return null;
        }
        RecordType type = ref.type();
        String id = ref.id();
        if ( !CrmKinds.isCrmRecord(type) || !policy.allows(actor, CrmKinds.resourceOf(type), Action.READ)) {
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
