package com.litedesk.core.crm.transfer;

import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.records.ImportReport;
import com.litedesk.core.records.RecordImport;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.crm.Address;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.CompanyRepository;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.SettingsRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CSV imports of contacts (upsert by primary email) and companies (upsert by domain). Columns are
 * matched to fields by {@link ColumnMatch}: an optional header mapping ({@code "E-mail" → "email"}), the field's
 * name, or the names other tools export; unknown columns are ignored, and the report lists what each filled. Lists (emails, phones, tags) are
 * separated by ';'. A contact's {@code companyDomain} column links it to the company of that domain.
 * Custom fields are columns named {@code customFields.<key>} or just {@code <key>}.
 */
public final class Imports {

    private final Contacts contacts;
    private final Companies companies;
    private final ContactRepository contactStore;
    private final CompanyRepository companyStore;
    private final SettingsRepository settings;
    private final com.litedesk.core.records.PlanQuota plan;

    public Imports(Contacts contacts, Companies companies, ContactRepository contactStore, CompanyRepository companyStore,
                   SettingsRepository settings, com.litedesk.core.records.PlanQuota plan) {
        this.contacts = contacts;
        this.companies = companies;
        this.contactStore = contactStore;
        this.companyStore = companyStore;
        this.settings = settings;
        this.plan = plan;
    }

    public ImportReport importContacts(Actor actor, Iterator<Map<String, String>> rows, Map<String, String> mapping, boolean dryRun) {
        long room = plan.contactRoom(() -> contactStore.count(List.of()));
        ColumnMatch columns = new ColumnMatch(mapping, ColumnMatch.CONTACT, definitions("CONTACT"));
        return new RecordImport<>(contacts, new ContactRows()).run(actor, rows, columns, dryRun, room).withColumns(columns.columns());
    }

    public ImportReport importCompanies(Actor actor, Iterator<Map<String, String>> rows, Map<String, String> mapping, boolean dryRun) {
        ColumnMatch columns = new ColumnMatch(mapping, ColumnMatch.COMPANY, definitions("COMPANY"));
        return new RecordImport<>(companies, new CompanyRows()).run(actor, rows, columns, dryRun, Long.MAX_VALUE).withColumns(columns.columns());
    }

    private List<com.litedesk.ports.crm.CustomFieldDefinition> definitions(String type) {
        return settings.findById(InstanceSettings.ID).map(s -> s.customFieldsOf(type)).orElse(List.of());
    }

    private static String cell(Map<String, String> row, String name) {
        String v = row.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private Map<String, Object> custom(Map<String, String> row, String recordType) {
        Map<String, Object> out = new LinkedHashMap<>();
        var definitions = settings.findById(InstanceSettings.ID).map(s -> s.customFieldsOf(recordType)).orElse(List.of());
        for (var d : definitions) {
            // ColumnMatch has named the column of a custom field (by its key, label or customFields.<key>) so
            String raw = cell(row, "customfields." + d.key().toLowerCase(Locale.ROOT));
            if (raw != null) {
                out.put(d.key(), switch (d.type()) {
                    case NUMBER -> parseNumber(raw);
                    case BOOL -> raw.equalsIgnoreCase("true") || raw.equals("1") || raw.equalsIgnoreCase("yes") ? Boolean.TRUE
                            : raw.equalsIgnoreCase("false") || raw.equals("0") || raw.equalsIgnoreCase("no") ? Boolean.FALSE : raw;
                    default -> raw;
                });
            }
        }
        return out;
    }

    private static Object parseNumber(String raw) {
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return raw; // reported by the custom field check
        }
    }

    private static <X> X firstNonNull(X a, X b) {
        return a != null ? a : b;
    }

    private static <X> List<X> orList(List<X> incoming, List<X> existing) {
        return incoming == null || incoming.isEmpty() ? existing : incoming;
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> existing, Map<String, Object> incoming) {
        Map<String, Object> out = new LinkedHashMap<>(existing == null ? Map.of() : existing);
        if (incoming != null) {
            out.putAll(incoming);
        }
        return out;
    }

    private final class ContactRows implements RecordImport.Mapping<Contact, ContactDraft> {
        @Override
        public ContactDraft draft(Map<String, String> row, Validation v) {
            List<String> emails = new ArrayList<>();
            Optional.ofNullable(cell(row, "email")).ifPresent(emails::add);
            emails.addAll(Exports.split(cell(row, "emails")));
            List<String> phones = new ArrayList<>();
            Optional.ofNullable(cell(row, "phone")).ifPresent(phones::add);
            phones.addAll(Exports.split(cell(row, "phones")));
            String companyId = cell(row, "companyid");
            String domain = cell(row, "companydomain");
            if (companyId == null && domain != null) {
                companyId = companyStore.findByDomain(Companies.normalizeDomain(domain)).map(Company::id).orElse(null);
                if (companyId == null) {
                    v.error("companyDomain", "no company has the domain " + domain);
                }
            }
            return new ContactDraft(cell(row, "firstname"), cell(row, "lastname"), emails, phones, cell(row, "title"),
                    companyId, Exports.split(cell(row, "tags")), null, custom(row, "CONTACT"));
        }

        @Override
        public String key(ContactDraft draft) {
            return draft.emails().isEmpty() ? null : draft.emails().getFirst().strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public Optional<Contact> findByKey(String key) {
            return contactStore.findByPrimaryEmail(key);
        }

        @Override
        public ContactDraft merge(ContactDraft e, ContactDraft i) {
            return new ContactDraft(firstNonNull(i.firstName(), e.firstName()), firstNonNull(i.lastName(), e.lastName()),
                    orList(i.emails(), e.emails()), orList(i.phones(), e.phones()), firstNonNull(i.title(), e.title()),
                    firstNonNull(i.companyId(), e.companyId()), orList(i.tags(), e.tags()), e.ownerId(),
                    mergeMaps(e.customFields(), i.customFields()));
        }
    }

    private final class CompanyRows implements RecordImport.Mapping<Company, CompanyDraft> {
        @Override
        public CompanyDraft draft(Map<String, String> row, Validation v) {
            Address address = new Address(cell(row, "street"), cell(row, "city"), cell(row, "region"), cell(row, "postalcode"), cell(row, "country"));
            boolean empty = address.street() == null && address.city() == null && address.region() == null
                    && address.postalCode() == null && address.country() == null;
            return new CompanyDraft(cell(row, "name"), cell(row, "domain"), cell(row, "industry"), cell(row, "size"),
                    empty ? null : address, null, custom(row, "COMPANY"));
        }

        @Override
        public String key(CompanyDraft draft) {
            return Companies.normalizeDomain(draft.domain());
        }

        @Override
        public Optional<Company> findByKey(String key) {
            return companyStore.findByDomain(key);
        }

        @Override
        public CompanyDraft merge(CompanyDraft e, CompanyDraft i) {
            return new CompanyDraft(firstNonNull(i.name(), e.name()), firstNonNull(i.domain(), e.domain()),
                    firstNonNull(i.industry(), e.industry()), firstNonNull(i.size(), e.size()),
                    firstNonNull(i.address(), e.address()), e.ownerId(), mergeMaps(e.customFields(), i.customFields()));
        }
    }
}
