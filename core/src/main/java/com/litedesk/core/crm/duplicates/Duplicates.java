package com.litedesk.core.crm.duplicates;

import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Records that are probably the same person or company, as people judge it: a contact with one of the same email
 * addresses or phone numbers, or the same first and last name; a company with the same domain or the same name (case,
 * spacing and punctuation aside). Found through the lists and their text index, so with the same permission scoping.
 */
public final class Duplicates {

    /** A possible duplicate and why it is one, in words. */
    public record Candidate(String id, String name, String reason) {
    }

    private static final int LOOK_AT = 20;

    private final Contacts contacts;
    private final Companies companies;

    public Duplicates(Contacts contacts, Companies companies) {
        this.contacts = contacts;
        this.companies = companies;
    }

    /** Contacts that look like the one described (before it is created, or another one: {@code exceptId}). */
    public List<Candidate> ofContact(Actor actor, String firstName, String lastName, List<String> emails, List<String> phones, String exceptId) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (String email : emails == null ? List.<String>of() : emails) {
            if (email != null && !email.isBlank()) {
                for (Contact c : contacts.list(actor, new ListRequest("emails[eq]:" + quoted(email.strip().toLowerCase(Locale.ROOT)), null, null, null, LOOK_AT)).items()) {
                    found.putIfAbsent(c.id(), new Candidate(c.id(), name(c), "same email " + email.strip()));
                }
            }
        }
        for (String phone : phones == null ? List.<String>of() : phones) {
            String digits = digits(phone);
            if (digits.length() >= 6) {
                for (Contact c : contacts.list(actor, new ListRequest(null, null, phone, null, LOOK_AT)).items()) {
                    if (c.phones().stream().anyMatch(p -> digits(p).equals(digits))) {
                        found.putIfAbsent(c.id(), new Candidate(c.id(), name(c), "same phone " + phone.strip()));
                    }
                }
            }
        }
        String fullName = normal(firstName) + " " + normal(lastName);
        if (lastName != null && !lastName.isBlank()) {
            String q = ((firstName == null ? "" : firstName) + " " + lastName).strip();
            for (Contact c : contacts.list(actor, new ListRequest(null, null, q, null, LOOK_AT)).items()) {
                if ((normal(c.firstName()) + " " + normal(c.lastName())).equals(fullName)) {
                    found.putIfAbsent(c.id(), new Candidate(c.id(), name(c), "same name"));
                }
            }
        }
        found.remove(exceptId);
        return new ArrayList<>(found.values());
    }

    /** Companies that look like the one described. */
    public List<Candidate> ofCompany(Actor actor, String name, String domain, String exceptId) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        String normalDomain = domain == null || domain.isBlank() ? null : Companies.normalizeDomain(domain);
        if (normalDomain != null) {
            for (Company c : companies.list(actor, new ListRequest("domain[eq]:" + quoted(normalDomain), null, null, null, LOOK_AT)).items()) {
                found.putIfAbsent(c.id(), new Candidate(c.id(), c.name(), "same domain " + normalDomain));
            }
        }
        if (name != null && !name.isBlank()) {
            for (Company c : companies.list(actor, new ListRequest(null, null, name.strip(), null, LOOK_AT)).items()) {
                if (normal(c.name()).equals(normal(name))) {
                    found.putIfAbsent(c.id(), new Candidate(c.id(), c.name(), "same name"));
                }
            }
        }
        found.remove(exceptId);
        return new ArrayList<>(found.values());
    }

    /** The duplicates of an existing contact. */
    public List<Candidate> ofContact(Actor actor, String id) {
        Contact c = contacts.get(actor, id);
        return ofContact(actor, c.firstName(), c.lastName(), c.emails(), c.phones(), c.id());
    }

    /** The duplicates of an existing company. */
    public List<Candidate> ofCompany(Actor actor, String id) {
        Company c = companies.get(actor, id);
        return ofCompany(actor, c.name(), c.domain(), c.id());
    }

    static String name(Contact c) {
        return ((c.firstName() == null ? "" : c.firstName() + " ") + Objects.requireNonNullElse(c.lastName(), "")).strip();
    }

    /** "  Ada   LOVELACE." → "ada lovelace". */
    static String normal(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
