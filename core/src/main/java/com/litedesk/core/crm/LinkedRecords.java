package com.litedesk.core.crm;

import com.litedesk.ports.crm.CompanyRepository;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.core.records.Validation;

/** Checks that a record a note, task or deal points at exists (by its unique id: cheap everywhere). */
public final class LinkedRecords {

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final DealRepository deals;

    public LinkedRecords(ContactRepository contacts, CompanyRepository companies, DealRepository deals) {
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
    }

    public boolean exists(RecordRef ref) {
        if (ref.id() == null || ref.id().length() > 64) {
            return false;
        }
        return switch (ref.type()) {
            case CONTACT -> contacts.findById(ref.id()).isPresent();
            case COMPANY -> companies.findById(ref.id()).isPresent();
            case DEAL -> deals.findById(ref.id()).isPresent();
            default -> false;
        };
    }

    /** What people call the record: a contact's full name, a company's name, a deal's title; null when it is gone. */
    public String nameOf(RecordRef ref) {
        if (ref.id() == null || ref.id().length() > 64) {
            return null;
        }
        return switch (ref.type()) {
            case CONTACT -> contacts.findById(ref.id()).map(c -> String.join(" ",
                    java.util.stream.Stream.of(c.firstName(), c.lastName()).filter(java.util.Objects::nonNull).toList())).orElse(null);
            case COMPANY -> companies.findById(ref.id()).map(c -> c.name()).orElse(null);
            case DEAL -> deals.findById(ref.id()).map(d -> d.title()).orElse(null);
            default -> null;
        };
    }

    /** Adds a validation error unless {@code id} is null or names an existing record of {@code type}. */
    public void check(Validation v, String field, RecordType type, String id) {
        if (id != null && !exists(new RecordRef(type, id))) {
            v.error(field, "is not an existing " + type.name().toLowerCase());
        }
    }

    /** Adds a validation error unless the reference points at a contact, company or deal that exists. */
    public void checkTarget(Validation v, String field, RecordRef ref, boolean required) {
        if (ref == null) {
            if (required) {
                v.error(field, "is required");
            }
            return;
        }
        if (ref.type() != RecordType.CONTACT && ref.type() != RecordType.COMPANY && ref.type() != RecordType.DEAL) {
            v.error(field + ".type", "must be CONTACT, COMPANY or DEAL");
        } else if (!exists(ref)) {
            v.error(field + ".id", "is not an existing " + ref.type().name().toLowerCase());
        }
    }
}
