package com.litedesk.core.crm.duplicates;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.records.Guard;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Merging a duplicate into the record that is kept: the kept record's values win, its empty fields take the
 * duplicate's, emails, phones and tags are joined; every deal, contact, note, task and activity that pointed at the
 * duplicate points at the kept record; the duplicate is deleted; the audit log says who merged what into what.
 * Needs the right to change the kept record and to delete the duplicate.
 */
public final class Merges {

    private final Guard guard;
    private final Contacts contacts;
    private final Companies companies;
    private final Repointing links;
    private final AuditLog audit;

    public Merges(Guard guard, Contacts contacts, Companies companies, Repointing links, AuditLog audit) {
        this.guard = guard;
        this.contacts = contacts;
        this.companies = companies;
        this.links = links;
        this.audit = audit;
    }

    public Contact mergeContacts(Actor actor, String keepId, String duplicateId) {
        requireTwo(keepId, duplicateId);
        Contact keep = contacts.get(actor, keepId);
        Contact duplicate = contacts.get(actor, duplicateId);
        guard.require(actor, Resource.CONTACTS, Action.EDIT, keep, new RecordRef(RecordType.CONTACT, keepId));
        guard.require(actor, Resource.CONTACTS, Action.DELETE, duplicate, new RecordRef(RecordType.CONTACT, duplicateId));
        ContactDraft merged = new ContactDraft(or(keep.firstName(), duplicate.firstName()), or(keep.lastName(), duplicate.lastName()),
                joined(keep.emails(), duplicate.emails(), 10), joined(keep.phones(), duplicate.phones(), 10), or(keep.title(), duplicate.title()),
                or(keep.companyId(), duplicate.companyId()), joined(keep.tags(), duplicate.tags(), 20), keep.ownerId(),
                fields(keep.customFields(), duplicate.customFields()));
        Contact updated = contacts.update(actor, keepId, keep.version(), merged);
        int moved = links.contact(duplicateId, keepId);
        contacts.delete(actor, duplicateId, null);
        audit.recordSuccess(actor, "contact.merge", new RecordRef(RecordType.CONTACT, keepId),
                Map.of("merged", Duplicates.name(duplicate), "mergedId", duplicateId), Map.of("repointed", Integer.toString(moved)));
        return updated;
    }

    public Company mergeCompanies(Actor actor, String keepId, String duplicateId) {
        requireTwo(keepId, duplicateId);
        Company keep = companies.get(actor, keepId);
        Company duplicate = companies.get(actor, duplicateId);
        guard.require(actor, Resource.COMPANIES, Action.EDIT, keep, new RecordRef(RecordType.COMPANY, keepId));
        guard.require(actor, Resource.COMPANIES, Action.DELETE, duplicate, new RecordRef(RecordType.COMPANY, duplicateId));
        // the duplicate goes first when the kept one takes its domain: two companies never share one
        boolean takesDomain = keep.domain() == null && duplicate.domain() != null;
        int moved = links.company(duplicateId, keepId);
        if (takesDomain) {
            companies.delete(actor, duplicateId, null);
        }
        CompanyDraft merged = new CompanyDraft(keep.name(), or(keep.domain(), duplicate.domain()), or(keep.industry(), duplicate.industry()),
                or(keep.size(), duplicate.size()), keep.address() != null ? keep.address() : duplicate.address(), keep.ownerId(),
                fields(keep.customFields(), duplicate.customFields()));
        Company updated = companies.update(actor, keepId, null, merged);
        if (!takesDomain) {
            companies.delete(actor, duplicateId, null);
        }
        audit.recordSuccess(actor, "company.merge", new RecordRef(RecordType.COMPANY, keepId),
                Map.of("merged", duplicate.name(), "mergedId", duplicateId), Map.of("repointed", Integer.toString(moved)));
        return updated;
    }

    private static void requireTwo(String keepId, String duplicateId) {
        if (keepId == null || keepId.equals(duplicateId)) {
            throw LiteDeskException.invalid("duplicateId", "must be another record than the one kept");
        }
    }

    private static String or(String kept, String other) {
        return kept == null || kept.isBlank() ? other : kept;
    }

    private static List<String> joined(List<String> kept, List<String> other, int max) {
        LinkedHashSet<String> all = new LinkedHashSet<>(kept);
        all.addAll(other);
        return new ArrayList<>(all).subList(0, Math.min(max, all.size()));
    }

    private static Map<String, Object> fields(Map<String, Object> kept, Map<String, Object> other) {
        Map<String, Object> all = new LinkedHashMap<>(other);
        all.putAll(kept);
        return all;
    }
}
