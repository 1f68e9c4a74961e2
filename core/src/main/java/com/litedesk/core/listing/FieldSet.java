package com.litedesk.core.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one kind of record that clients may filter and sort on, and the fields that
 * {@code q} searches. Anything not declared here is refused, which is what keeps client input out
 * of the shape of queries.
 */
public final class FieldSet {

    /** One declared field; {@code enumType} only for ENUM. */
    public record Field(String name, FieldType type, boolean sortable, Class<? extends Enum<?>> enumType) {
    }

    private final Map<String, Field> fields;
    private final List<String> searchFields;
    private final boolean fullText;

    private FieldSet(Map<String, Field> fields, List<String> searchFields, boolean fullText) {
        this.fields = Map.copyOf(fields);
        this.searchFields = List.copyOf(searchFields);
        this.fullText = fullText;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public List<String> searchFields() {
        return searchFields;
    }

    /** Whether {@code q} is a full-text search of the records' own search text (else a prefix of the search fields). */
    public boolean fullText() {
        return fullText;
    }

    public List<String> names() {
        return fields.keySet().stream().sorted().toList();
    }

    public static final class Builder {
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private final List<String> searchFields = new ArrayList<>();
        private boolean fullText;

        private Builder() {
            add("id", FieldType.TEXT, true);
            // ids grow with time, so creation order is id order: cheap to sort on in every store
            add("createdAt", FieldType.INSTANT, true);
            add("updatedAt", FieldType.INSTANT, true);
            add("createdBy", FieldType.TEXT, false);
            add("updatedBy", FieldType.TEXT, false);
        }

        public Builder text(String name) {
            return add(name, FieldType.TEXT, true);
        }

        public Builder textList(String name) {
            return add(name, FieldType.TEXT_LIST, false);
        }

        public Builder decimal(String name) {
            return add(name, FieldType.DECIMAL, true);
        }

        public Builder integer(String name) {
            return add(name, FieldType.INTEGER, true);
        }

        public Builder bool(String name) {
            return add(name, FieldType.BOOLEAN, false);
        }

        public Builder instant(String name) {
            return add(name, FieldType.INSTANT, true);
        }

        public Builder date(String name) {
            return add(name, FieldType.DATE, true);
        }

        public Builder enumeration(String name, Class<? extends Enum<?>> type) {
            fields.put(name, new Field(name, FieldType.ENUM, true, type));
            return this;
        }

        /** {@code q} finds records whose value of one of these fields starts with each word. */
        public Builder searchable(String... names) {
            searchFields.addAll(List.of(names));
            return this;
        }

        /** {@code q} is a full-text search over the records' search text, served by the store's text index, ranked. */
        public Builder fullTextSearch() {
            fullText = true;
            return this;
        }

        private Builder add(String name, FieldType type, boolean sortable) {
            fields.put(name, new Field(name, type, sortable, null));
            return this;
        }

        public FieldSet build() {
            return new FieldSet(fields, searchFields, fullText);
        }
    }
}
