package com.litedesk.core.crm.transfer;

import com.litedesk.core.records.ImportReport;
import com.litedesk.ports.crm.CustomFieldDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which field each CSV column fills. In this order: the person's own mapping ({@code "E-mail" → "email"}); the
 * field's own name; the names other tools export ("First Name", "E-mail Address", "Surname", "Mobile Phone",
 * "Company Name", "Website", "Zip" …), compared without case, spaces or punctuation; a custom field's key or label.
 * Anything else is ignored, and said so in the preview.
 */
final class ColumnMatch implements Function<Map<String, String>, Map<String, String>> {

    static final Map<String, String> CONTACT = names(Map.of(
            "firstname", List.of("first", "given", "givenname", "forename", "firstnames"),
            "lastname", List.of("last", "surname", "familyname", "name2"),
            "email", List.of("emailaddress", "mail", "email1", "workemail", "primaryemail", "emailaddress1", "businessemail"),
            "emails", List.of("otheremails", "additionalemails"),
            "phone", List.of("phonenumber", "mobile", "mobilephone", "telephone", "tel", "businessphone", "workphone", "cellphone", "cell"),
            "phones", List.of("otherphones"),
            "title", List.of("jobtitle", "position", "jobposition"),
            "tags", List.of("labels", "tag", "categories"),
            "companydomain", List.of("companywebsite", "website", "domain", "companyurl"),
            "companyid", List.of()));
    static final Map<String, String> COMPANY = names(Map.of(
            "name", List.of("companyname", "company", "organisation", "organization", "organisationname", "organizationname",
                    "account", "accountname"),
            "domain", List.of("website", "companywebsite", "url", "web", "companydomain"),
            "industry", List.of("sector", "branch"),
            "size", List.of("companysize", "employees", "numberofemployees", "headcount"),
            "street", List.of("address", "streetaddress", "address1", "addressline1"),
            "city", List.of("town", "locality"),
            "region", List.of("state", "province", "county"),
            "postalcode", List.of("zip", "zipcode", "postcode", "plz"),
            "country", List.of("countryname", "nation")));

    /** What a mapping names to leave a column out. */
    static final String IGNORED = "ignored";
    private static final String IGNORED_PREFIX = "\u0000ignored:";

    private final Map<String, String> explicit = new HashMap<>();
    private final Map<String, String> known;
    private final Map<String, String> seen = new LinkedHashMap<>();

    ColumnMatch(Map<String, String> mapping, Map<String, String> known, List<CustomFieldDefinition> custom) {
        if (mapping != null) {
            mapping.forEach((from, to) -> explicit.put(from.strip().toLowerCase(Locale.ROOT), to.strip().toLowerCase(Locale.ROOT)));
        }
        Map<String, String> all = new HashMap<>(known);
        for (CustomFieldDefinition d : custom) {
            String field = "customfields." + d.key().toLowerCase(Locale.ROOT);
            all.putIfAbsent(normal(d.key()), field);
            if (d.label() != null) {
                all.putIfAbsent(normal(d.label()), field);
            }
        }
        this.known = all;
    }

    /** The row with each column renamed to the field it fills (lower case); ignored columns fill none. */
    @Override
    public Map<String, String> apply(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(field(column == null ? "" : column), value));
        return out;
    }

    /** Each column the file had, in its order, with the field it filled (null: ignored). */
    List<ImportReport.Column> columns() {
        List<ImportReport.Column> out = new ArrayList<>();
        seen.forEach((column, field) -> out.add(new ImportReport.Column(column, field)));
        return out;
    }

    private String field(String column) {
        if (!seen.containsKey(column)) {
            seen.put(column, match(column));
        }
        String field = seen.get(column);
        return field == null ? IGNORED_PREFIX + column : field; // an ignored column fills nothing, whatever it is called
    }

    private String match(String column) {
        String lower = column.strip().toLowerCase(Locale.ROOT);
        if (explicit.containsKey(lower)) {
            String chosen = explicit.get(lower);
            return chosen.isEmpty() || chosen.equals(IGNORED) ? null : chosen;
        }
        if (lower.startsWith("customfields.")) {
            return lower;
        }
        return known.get(normal(column));
    }

    /** "E-mail Address" → "emailaddress". */
    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Map<String, String> names(Map<String, List<String>> synonyms) {
        Map<String, String> out = new HashMap<>();
        synonyms.forEach((field, others) -> {
            out.put(field, field);
            others.forEach(other -> out.put(other, field));
        });
        return Map.copyOf(out);
    }
}
