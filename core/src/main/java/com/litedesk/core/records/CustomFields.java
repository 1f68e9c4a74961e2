package com.litedesk.core.records;

import com.litedesk.ports.crm.CustomFieldDefinition;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.SettingsRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks custom field values against the instance's definitions: known keys only, values of the
 * declared type (text, number, ISO date, boolean, one of the options), required ones present.
 */
public final class CustomFields {

    private final SettingsRepository settings;

    public CustomFields(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The prefix of a custom field's name in the filter language: {@code customFields.<key>}. */
    public static final String FILTER_PREFIX = "customFields.";

    /**
     * A custom field of {@code type} as a field lists filter on ({@code customFields.<key>}), typed as its values are
     * kept: numbers as decimals, true/false, dates and choices as text; empty for any other name.
     */
    public java.util.Optional<com.litedesk.core.listing.FieldSet.Field> filterField(RecordType type, String name) {
        if (name == null || !name.startsWith(FILTER_PREFIX)) {
            return java.util.Optional.empty();
        }
        String key = name.substring(FILTER_PREFIX.length());
        return definitions(type).stream().filter(d -> d.key().equals(key)).findFirst().map(d -> new com.litedesk.core.listing.FieldSet.Field(
                name, switch (d.type()) {
                    case NUMBER -> com.litedesk.core.listing.FieldType.DECIMAL;
                    case BOOL -> com.litedesk.core.listing.FieldType.BOOLEAN;
                    case DATE -> com.litedesk.core.listing.FieldType.DATE;
                    case TEXT, SELECT -> com.litedesk.core.listing.FieldType.TEXT;
                }, false, null));
    }

    public List<CustomFieldDefinition> definitions(RecordType type) {
        return settings.findById(InstanceSettings.ID)
                .map(s -> s.customFieldsOf(type.name()))
                .orElse(List.of());
    }

    public Map<String, Object> check(RecordType type, Map<String, Object> values, Validation v) {
        Map<String, Object> in = values == null ? Map.of() : values;
        List<CustomFieldDefinition> definitions = definitions(type);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : in.keySet()) {
            if (definitions.stream().noneMatch(d -> d.key().equals(key))) {
                v.error("customFields." + key, "is not a custom field of " + type.name().toLowerCase());
            }
        }
        for (CustomFieldDefinition d : definitions) {
            Object value = in.get(d.key());
            String field = "customFields." + d.key();
            if (value == null || value instanceof String s && s.isBlank()) {
                if (d.required()) {
                    v.error(field, "is required");
                }
                continue;
            }
            Object typed = typed(d, value);
            if (typed == null) {
                v.error(field, "must be " + expected(d));
            } else {
                out.put(d.key(), typed);
            }
        }
        return out;
    }

    private static Object typed(CustomFieldDefinition d, Object value) {
        return switch (d.type()) {
            case TEXT -> value instanceof String s && s.length() <= 2000 ? s : null;
            case NUMBER -> value instanceof BigDecimal b ? b
                    : value instanceof Number n ? new BigDecimal(n.toString()) : null;
            case BOOL -> value instanceof Boolean b ? b : null;
            case DATE -> {
                if (!(value instanceof String s)) {
                    yield null;
                }
                try {
                    yield LocalDate.parse(s).toString();
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            case SELECT -> value instanceof String s && d.options().contains(s) ? s : null;
        };
    }

    /** What a value of the field must be, in words ("a number", "one of [Gold, Silver]"). */
    public static String expected(CustomFieldDefinition d) {
        return switch (d.type()) {
            case TEXT -> "text of at most 2000 characters";
            case NUMBER -> "a number";
            case BOOL -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
            case SELECT -> "one of " + d.options();
        };
    }
}
