package com.litedesk.core.settings;

import com.litedesk.core.records.RecordValues;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.CustomFieldDefinition;
import com.litedesk.ports.crm.CustomFieldType;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Repository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A custom field given another type, or a select given other options, with values stored already: each value is
 * converted to the new type (text ⇄ number, date, true/false or a select's option, wherever it reads as one), or, when
 * any value cannot be, the change is refused before anything is written, saying how many records hold such a value and
 * one of them.
 */
final class CustomFieldRetyping {

    private static final int PAGE = 200;
    private static final Map<RecordType, String> PLURALS = Map.of(RecordType.CONTACT, "contacts", RecordType.COMPANY, "companies",
            RecordType.DEAL, "deals");

    private final Map<RecordType, Repository<? extends Entity>> stores;

    CustomFieldRetyping(Map<RecordType, Repository<? extends Entity>> stores) {
        this.stores = Map.copyOf(stores);
    }

    /** A field whose values must fit a new definition. */
    record Change(RecordType type, CustomFieldDefinition before, CustomFieldDefinition after) {
    }

    /** The fields of {@code after} whose type changed, or whose options no longer hold every option of {@code before}. */
    static List<Change> changes(Map<String, List<CustomFieldDefinition>> before, Map<String, List<CustomFieldDefinition>> after) {
        List<Change> out = new ArrayList<>();
        after.forEach((type, definitions) -> {
            for (CustomFieldDefinition now : definitions) {
                before.getOrDefault(type, List.of()).stream().filter(was -> was.key().equals(now.key())).findFirst().ifPresent(was -> {
                    boolean retyped = was.type() != now.type();
                    boolean optionsDropped = now.type() == CustomFieldType.SELECT && !now.options().containsAll(was.options());
                    if (retyped || optionsDropped) {
                        out.add(new Change(RecordType.valueOf(type), was, now));
                    }
                });
            }
        });
        return out;
    }

    /** CONFLICT, naming the field, the count and an example, when a stored value does not convert; nothing is written. */
    void check(List<Change> changes) {
        for (Change change : changes) {
            int[] failed = {0};
            Object[] example = {null};
            eachValue(change, value -> {
                if (converted(value, change.after()) == null) {
                    failed[0]++;
                    if (example[0] == null) {
                        example[0] = value;
                    }
                }
            });
            if (failed[0] > 0) {
                String noun = failed[0] == 1 ? change.type().name().toLowerCase(Locale.ROOT) + " holds"
                        : PLURALS.get(change.type()) + " hold";
                throw LiteDeskException.conflict(failed[0] + " " + noun + " a " + change.after().label() + " that is not "
                        + com.litedesk.core.records.CustomFields.expected(change.after()) + " (such as '" + text(example[0]) + "'); change or clear " + (failed[0] == 1 ? "it" : "them") + " first");
            }
        }
    }

    /** Rewrites every stored value of the changed fields in its new type (after {@link #check}). */
    void convert(List<Change> changes) {
        for (Change change : changes) {
            rewrite(change, stores.get(change.type()));
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends Entity> void rewrite(Change change, Repository<T> store) {
        String key = change.after().key();
        forEachHolding(change, store, record -> {
            Map<String, Object> values = new LinkedHashMap<>(RecordValues.of((Record) record));
            Map<String, Object> custom = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault("customFields", Map.of()));
            Object value = converted(custom.get(key), change.after());
            if (value == null || value.equals(custom.get(key))) {
                return;
            }
            custom.put(key, value);
            values.put("customFields", custom);
            values.put("version", BigDecimal.valueOf(record.version() + 1));
            T updated = (T) RecordValues.read((Class<? extends Record>) record.getClass(), values);
            try {
                store.replace(updated, record.version());
            } catch (LiteDeskException e) {
                if (e.code() != ErrorCode.PRECONDITION_FAILED && e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                // changed or deleted meanwhile: that write went through the new definition already
            }
        });
    }

    private void eachValue(Change change, Consumer<Object> sink) {
        Repository<? extends Entity> store = stores.get(change.type());
        forEachHolding(change, store, record -> sink.accept(customValue(record, change.after().key())));
    }

    @SuppressWarnings("unchecked")
    private static Object customValue(Entity record, String key) {
        Object custom = com.litedesk.core.support.RecordFields.get((Record) record, "customFields");
        return custom instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
    }

    /** Every record that holds a value of the field, page by page in id order. */
    private static <T extends Entity> void forEachHolding(Change change, Repository<T> store, Consumer<T> sink) {
        List<Condition> holding = List.of(Condition.of("customFields." + change.after().key(), Operator.NE, null));
        com.litedesk.core.support.EveryRecord.forEach(store, holding, PAGE, sink);
    }

    /** The value in the field's type, or null when it does not read as one. */
    static Object converted(Object value, CustomFieldDefinition to) {
        if (value == null) {
            return null;
        }
        String text = text(value).strip();
        return switch (to.type()) {
            case TEXT -> text.length() <= 2000 ? text : null;
            case NUMBER -> {
                if (value instanceof BigDecimal d) {
                    yield d;
                }
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case BOOL -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                String lower = text.toLowerCase(Locale.ROOT);
                yield lower.equals("true") || lower.equals("yes") ? Boolean.TRUE : lower.equals("false") || lower.equals("no") ? Boolean.FALSE : null;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            case SELECT -> to.options().stream().filter(o -> o.equalsIgnoreCase(text)).findFirst().orElse(null);
        };
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
