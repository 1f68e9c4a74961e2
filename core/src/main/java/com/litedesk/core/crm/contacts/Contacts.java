package com.litedesk.core.crm.contacts;

import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.core.records.RecordBase;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.crm.RecordType;
import java.util.List;
import java.util.Objects;

/** Use cases of contacts. The primary (first) email is unique per instance. */
public final class Contacts extends OwnedRecords<Contact, ContactDraft> {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("firstName").text("lastName").textList("emails").textList("phones").text("title")
            .text("companyId").textList("tags").text("ownerId").text("teamId")
            .fullTextSearch()
            .build();

    private final ContactRepository contacts;
    private final LinkedRecords links;

    public Contacts(RecordContext context, ContactRepository contacts, LinkedRecords links) {
        super(context, contacts, Resource.CONTACTS, RecordType.CONTACT, FIELDS);
        this.contacts = contacts;
        this.links = links;
    }

    @Override
    protected Contact build(ContactDraft d, RecordBase b) {
        Validation v = new Validation();
        String first = v.optional("firstName", d.firstName(), 100);
        String last = v.optional("lastName", d.lastName(), 100);
        if (first == null && last == null) {
            v.error("lastName", "a contact needs a first or a last name");
        }
        List<String> emails = v.texts("emails", d.emails(), 10, 254).stream()
                .map(e -> v.email("emails", e)).filter(Objects::nonNull).distinct().toList();
        List<String> phones = v.texts("phones", d.phones(), 10, 40);
        List<String> tags = v.texts("tags", d.tags(), 20, 50);
        String title = v.optional("title", d.title(), 200);
        links.check(v, "companyId", RecordType.COMPANY, d.companyId());
        var custom = customFields.check(RecordType.CONTACT, d.customFields(), v);
        v.throwIfInvalid();
        return new Contact(b.id(), b.version(), first, last, emails, phones, title, d.companyId(), tags,
                b.ownerId(), b.teamId(), custom, b.createdAt(), b.createdBy(), b.updatedAt(), b.updatedBy());
    }

    @Override
    protected String requestedOwner(ContactDraft draft) {
        return draft.ownerId();
    }

    @Override
    public ContactDraft draftOf(Contact c) {
        return new ContactDraft(c.firstName(), c.lastName(), c.emails(), c.phones(), c.title(), c.companyId(),
                c.tags(), c.ownerId(), c.customFields());
    }

    @Override
    protected void beforeCreate(Actor actor, Contact contact) {
        requireUniqueEmail(contact);
        context.plan().requireContactRoom(() -> contacts.count(List.of()));
    }

    @Override
    protected void beforeUpdate(Actor actor, Contact current, Contact updated) {
        if (!Objects.equals(current.primaryEmail(), updated.primaryEmail())) {
            requireUniqueEmail(updated);
        }
    }

    private void requireUniqueEmail(Contact contact) {
        String email = contact.primaryEmail();
        if (email != null) {
            contacts.findByPrimaryEmail(email).filter(other -> !other.id().equals(contact.id())).ifPresent(other -> {
                throw LiteDeskException.conflict("a contact with the email " + email + " exists already (" + other.id() + ")");
            });
        }
    }
}
