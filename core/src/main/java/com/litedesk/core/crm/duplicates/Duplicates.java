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

    /** A possible duplicate and why it is one, in words; its owner and team say who may merge it. */
    public record Candidate(String id, String name, String reason, String ownerId, @com.litedesk.ports.contract.Nullable String teamId) {

        static Candidate of(com.litedesk.ports.crm.Owned record, String name, String reason) {
            return new Candidate(record.id(), name, reason, record.ownerId(), record.teamId());
        }
    }

    /**
     * Records that look like one another, oldest first (the one a merge would usually keep), and why — in words, the
     * first thing two of them share.
     */
    public record Group(List<Candidate> records, String reason) {
    }

    /** At most this many groups are answered, the largest first. */
    public static final int MAX_GROUPS = 100;
    private static final int MAX_PER_GROUP = 10;

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
                    found.putIfAbsent(c.id(), Candidate.of(c, name(c), "same email " + email.strip()));
                }
            }
        }
        for (String phone : phones == null ? List.<String>of() : phones) {
            String digits = digits(phone);
            if (digits.length() >= 6) {
                for (Contact c : contacts.list(actor, new ListRequest(null, null, phone, null, LOOK_AT)).items()) {
                    if (c.phones().stream().anyMatch(p -> digits(p).equals(digits))) {
                        found.putIfAbsent(c.id(), Candidate.of(c, name(c), "same phone " + phone.strip()));
                    }
                }
            }
        }
        String fullName = normal(firstName) + " " + normal(lastName);
        if (lastName != null && !lastName.isBlank()) {
            String q = ((firstName == null ? "" : firstName) + " " + lastName).strip();
            for (Contact c : contacts.list(actor, new ListRequest(null, null, q, null, LOOK_AT)).items()) {
                if ((normal(c.firstName()) + " " + normal(c.lastName())).equals(fullName)) {
                    found.putIfAbsent(c.id(), Candidate.of(c, name(c), "same name"));
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
                found.putIfAbsent(c.id(), Candidate.of(c, c.name(), "same domain " + normalDomain));
            }
        }
        if (name != null && !name.isBlank()) {
            for (Company c : companies.list(actor, new ListRequest(null, null, name.strip(), null, LOOK_AT)).items()) {
                if (normal(c.name()).equals(normal(name))) {
                    found.putIfAbsent(c.id(), Candidate.of(c, c.name(), "same name"));
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

    /**
     * Every group of contacts the actor may read that look alike (a shared email, phone number or full name), the
     * largest groups first. Reads the whole list once, page by page in id order.
     */
    public List<Group> contactGroups(Actor actor) {
        Grouping<Contact> grouping = new Grouping<>();
        contacts.forEachReadable(actor, c -> {
            grouping.add(c, name(c));
            c.emails().forEach(e -> grouping.key(c, "email " + e.toLowerCase(Locale.ROOT), "same email " + e.toLowerCase(Locale.ROOT)));
            c.phones().stream().map(Duplicates::digits).filter(d -> d.length() >= 6).forEach(d -> grouping.key(c, "phone " + d, "same phone"));
            if (c.lastName() != null && !c.lastName().isBlank()) {
                grouping.key(c, "name " + normal(c.firstName()) + " " + normal(c.lastName()), "same name");
            }
        });
        return grouping.groups();
    }

    /** Every group of companies the actor may read that look alike (the same domain or name), the largest first. */
    public List<Group> companyGroups(Actor actor) {
        Grouping<Company> grouping = new Grouping<>();
        companies.forEachReadable(actor, c -> {
            grouping.add(c, c.name());
            if (c.domain() != null) {
                grouping.key(c, "domain " + c.domain(), "same domain " + c.domain());
            }
            grouping.key(c, "name " + normal(c.name()), "same name");
        });
        return grouping.groups();
    }

    /** Records joined when they share a key (union-find), with the words for the first key that joined each group. */
    private static final class Grouping<T extends com.litedesk.ports.crm.Owned> {
        private final Map<String, String> parent = new java.util.HashMap<>();
        private final Map<String, String> names = new java.util.HashMap<>();
        private final Map<String, String[]> owners = new java.util.HashMap<>(); // owner and team, not the whole record
        private final Map<String, String> firstHolder = new java.util.HashMap<>();
        private final Map<String, String> reasons = new java.util.HashMap<>();
        private final List<String> order = new ArrayList<>();

        void add(T record, String name) {
            parent.put(record.id(), record.id());
            names.put(record.id(), name);
            owners.put(record.id(), new String[] {record.ownerId(), record.teamId()});
            order.add(record.id());
        }

        void key(T record, String key, String reason) {
            String holder = firstHolder.putIfAbsent(key, record.id());
            if (holder != null) {
                String a = root(holder);
                String b = root(record.id());
                if (!a.equals(b)) {
                    String kept = a.compareTo(b) < 0 ? a : b;
                    String joined = kept.equals(a) ? b : a;
                    parent.put(joined, kept);
                    reasons.putIfAbsent(kept, reasons.containsKey(joined) ? reasons.get(joined) : reason);
                }
            }
        }

        private String root(String id) {
            String r = id;
            while (!parent.get(r).equals(r)) {
                r = parent.get(r);
            }
            parent.put(id, r);
            return r;
        }

        List<Group> groups() {
            Map<String, List<String>> members = new LinkedHashMap<>();
            for (String id : order) { // id order: oldest first
                members.computeIfAbsent(root(id), k -> new ArrayList<>()).add(id);
            }
            return members.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .sorted(java.util.Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size())
                            .thenComparing(e -> names.get(e.getValue().getFirst()), String.CASE_INSENSITIVE_ORDER))
                    .limit(MAX_GROUPS)
                    .map(e -> new Group(e.getValue().stream().limit(MAX_PER_GROUP)
                            .map(id -> new Candidate(id, names.get(id), reasons.getOrDefault(e.getKey(), "alike"), owners.get(id)[0],
                                    owners.get(id)[1])).toList(),
                            reasons.getOrDefault(e.getKey(), "alike")))
                    .toList();
        }
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
