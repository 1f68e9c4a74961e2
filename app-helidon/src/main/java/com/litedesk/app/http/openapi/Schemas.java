package com.litedesk.app.http.openapi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.litedesk.core.listing.ListResult;
import com.litedesk.ports.contract.MaxItems;
import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON Schemas (the OpenAPI 3.0 dialect) of the records the server reads and writes, made from the records
 * themselves as the one JSON mapper sees them: its property names and types, enums by their constants, lists,
 * maps, dates and decimals. A component is required unless it is {@link Nullable}; {@link MaxLength} and
 * {@link MaxItems} give the limits the core enforces. Records become named components, referenced by {@code $ref}.
 */
final class Schemas {

    private final ObjectMapper json;
    private final Map<String, Object> components = new TreeMap<>();
    private final Map<String, JavaType> named = new LinkedHashMap<>();

    Schemas(ObjectMapper json) {
        this.json = json;
    }

    /** The named schemas referenced so far. */
    Map<String, Object> components() {
        return components;
    }

    /** The schema of a type: inline for scalars, lists and maps, a reference for records and enums. */
    Map<String, Object> of(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
            return nullable(of(type.containedTypeOrUnknown(0)));
        }
        Map<String, Object> scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return new LinkedHashMap<>(Map.of("type", "array", "items", of(type.getContentType())));
        }
        if (type.isMapLikeType()) {
            JavaType values = type.getContentType();
            return new LinkedHashMap<>(Map.of("type", "object", "additionalProperties",
                    values.getRawClass() == Object.class ? Map.of() : of(values)));
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return new LinkedHashMap<>();
        }
        String name = nameOf(type);
        define(name, type, () -> raw.isEnum() ? enumeration(raw) : object(type, false));
        return ref(name);
    }

    /** The schema of a JSON merge patch of a record: its fields, none required, each nullable (null removes it). */
    Map<String, Object> patchOf(JavaType type) {
        String name = nameOf(type) + "Patch";
        define(name, type, () -> object(type, true));
        return ref(name);
    }

    private void define(String name, JavaType type, java.util.function.Supplier<Map<String, Object>> schema) {
        JavaType before = named.putIfAbsent(name, type);
        if (before != null) {
            if (!before.equals(type)) {
                throw new IllegalStateException("two types would be named " + name + " in the document: " + before + ", " + type);
            }
            return;
        }
        components.put(name, Map.of()); // a placeholder, for records that refer to themselves
        components.put(name, schema.get());
    }

    private static Map<String, Object> ref(String name) {
        return new LinkedHashMap<>(Map.of("$ref", "#/components/schemas/" + name));
    }

    private static Map<String, Object> scalar(Class<?> raw) {
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return type("string", null);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return type("boolean", null);
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class) {
            return type("integer", "int32");
        }
        if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return type("integer", "int64");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return type("number", "double");
        }
        if (raw == BigDecimal.class) {
            return type("number", null);
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return type("string", "date-time");
        }
        if (raw == LocalDate.class) {
            return type("string", "date");
        }
        if (raw == Duration.class) {
            return type("string", "duration");
        }
        return null;
    }

    private static Map<String, Object> type(String type, String format) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    private static Map<String, Object> enumeration(Class<?> raw) {
        return new LinkedHashMap<>(Map.of("type", "string",
                "enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()));
    }

    private Map<String, Object> object(JavaType type, boolean patch) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        collect(type, patch, properties, required);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        schema.put("additionalProperties", false); // the mapper refuses unknown fields, and the server sends none
        return schema;
    }

    private void collect(JavaType type, boolean patch, Map<String, Object> properties, List<String> required) {
        BeanDescription bean = json.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null || !property.couldSerialize()) {
                continue;
            }
            if (accessor.hasAnnotation(JsonUnwrapped.class)) {
                collect(property.getPrimaryType(), patch, properties, required); // its fields sit beside ours
                continue;
            }
            RecordComponent component = component(type.getRawClass(), property.getInternalName());
            JavaType valueType = property.getPrimaryType();
            Map<String, Object> schema = new LinkedHashMap<>(of(valueType));
            limits(component, schema);
            boolean nullable = patch || valueType.getRawClass() == Optional.class
                    || (!valueType.isPrimitive() && (component == null || component.isAnnotationPresent(Nullable.class)));
            if (nullable) {
                schema = nullable(schema);
            } else {
                required.add(property.getName());
            }
            properties.put(property.getName(), schema);
        }
    }

    private static RecordComponent component(Class<?> raw, String name) {
        if (!raw.isRecord()) {
            return null;
        }
        return Arrays.stream(raw.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static void limits(RecordComponent component, Map<String, Object> schema) {
        if (component == null) {
            return;
        }
        MaxLength length = component.getAnnotation(MaxLength.class);
        MaxItems items = component.getAnnotation(MaxItems.class);
        boolean array = "array".equals(schema.get("type"));
        if (length != null) {
            if (array) {
                Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) schema.get("items"));
                item.put("maxLength", length.value());
                schema.put("items", item);
            } else {
                schema.put("maxLength", length.value());
            }
        }
        if (items != null && array) {
            schema.put("maxItems", items.value());
        }
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (schema.containsKey("$ref")) {
            out.put("allOf", List.of(schema)); // OpenAPI 3.0 ignores what stands beside a $ref
        } else {
            out.putAll(schema);
        }
        out.put("nullable", true);
        return out;
    }

    /**
     * A record's simple name; a nested record's carries its outer type's name (DealBoardColumn) unless it is a
     * resource's own input; a generic record is named with its type arguments (ContactPage, TeamViewItems).
     */
    private static String nameOf(JavaType type) {
        Class<?> raw = type.getRawClass();
        String base = raw == ListResult.class ? "Page" : raw.getSimpleName();
        Class<?> outer = raw.getEnclosingClass();
        if (outer != null && !outer.getSimpleName().matches(".*Resources?")) {
            base = outer.getSimpleName() + base;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < type.containedTypeCount(); i++) {
            name.append(nameOf(type.containedType(i)));
        }
        return name.append(base).toString();
    }
}
