package com.litedesk.adapters.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records ⇄ JSON, by their components, in one of two dialects. {@link Dialect#STORAGE} is the {@code doc} column:
 * nulls are left out, BigDecimal is an exact JSON number, an Instant the number of microseconds since the epoch (so
 * that SQLite compares instants as integers), a LocalDate ISO text, an enum its name; lists, string-keyed maps and
 * nested records recurse. {@link Dialect#EXTENDED} is the portable backup format, MongoDB's canonical extended JSON
 * as the MongoDB adapter writes it: {@code _id} for the id, {@code $numberLong}/{@code $numberInt} for whole numbers,
 * {@code $numberDecimal} for decimals, {@code $date} (milliseconds) for instants. Values of type Object (custom
 * fields) come back as String, BigDecimal, Boolean, Map or List.
 */
final class RecordJson {

    /** Which JSON a record is written in. */
    enum Dialect {
        STORAGE, EXTENDED
    }

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private RecordJson() {
    }

    static String write(Record record) {
        try (var out = new SegmentedStringWriter(FACTORY._getBufferRecycler()); JsonGenerator g = FACTORY.createGenerator(out)) {
            writeRecord(g, record, Dialect.STORAGE, false);
            g.flush();
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends Record> T read(Class<T> type, byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return readRecord(p, type, Dialect.STORAGE, false);
        } catch (IOException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not readable: " + e.getMessage(), e);
        }
    }

    /** Writes {@code record} as the top-level document of its dialect ({@code _id} in extended JSON). */
    static void write(JsonGenerator g, Record record, Dialect dialect) throws IOException {
        writeRecord(g, record, dialect, dialect == Dialect.EXTENDED);
    }

    /** Reads a top-level document of {@code dialect} at the parser's current START_OBJECT. */
    static <T extends Record> T read(JsonParser p, Class<T> type, Dialect dialect) throws IOException {
        return readRecord(p, type, dialect, dialect == Dialect.EXTENDED);
    }

    private static void writeRecord(JsonGenerator g, Record record, Dialect dialect, boolean topLevel) throws IOException {
        Shape shape = Shape.of(record.getClass());
        g.writeStartObject();
        for (int i = 0; i < shape.names().length; i++) {
            Object value = shape.read(record, i);
            if (value != null) {
                String name = shape.names()[i];
                g.writeFieldName(topLevel && name.equals("id") ? "_id" : name);
                writeValue(g, value, dialect);
            }
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object value, Dialect dialect) throws IOException {
        if (dialect == Dialect.EXTENDED && writeExtended(g, value)) {
            return;
        }
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Short s -> g.writeNumber(s);
            case BigDecimal d -> g.writeNumber(d);
            case Double d -> g.writeNumber(BigDecimal.valueOf(d));
            case Float f -> g.writeNumber(BigDecimal.valueOf(f));
            case Instant t -> g.writeNumber(Values.micros(t));
            case LocalDate d -> g.writeString(d.toString());
            case Enum<?> e -> g.writeString(e.name());
            case Record r -> writeRecord(g, r, dialect, false);
            case Collection<?> c -> {
                g.writeStartArray();
                for (Object item : c) {
                    writeValue(g, item, dialect);
                }
                g.writeEndArray();
            }
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (var e : m.entrySet()) {
                    g.writeFieldName(e.getKey().toString());
                    writeValue(g, e.getValue(), dialect);
                }
                g.writeEndObject();
            }
            default -> throw new IllegalArgumentException("cannot store a " + value.getClass().getSimpleName());
        }
    }

    /** The typed wrappers of extended JSON; false for values written as plain JSON. */
    private static boolean writeExtended(JsonGenerator g, Object value) throws IOException {
        String wrapper;
        String text;
        switch (value) {
            case Long l -> {
                wrapper = "$numberLong";
                text = l.toString();
            }
            case Integer i -> {
                wrapper = "$numberInt";
                text = i.toString();
            }
            case Short s -> {
                wrapper = "$numberInt";
                text = s.toString();
            }
            case BigDecimal d -> {
                wrapper = "$numberDecimal";
                text = d.toString();
            }
            case Double d -> {
                wrapper = "$numberDecimal";
                text = BigDecimal.valueOf(d).toString();
            }
            case Float f -> {
                wrapper = "$numberDecimal";
                text = BigDecimal.valueOf(f).toString();
            }
            case Instant t -> {
                g.writeStartObject();
                g.writeFieldName("$date");
                g.writeStartObject();
                g.writeStringField("$numberLong", Long.toString(t.toEpochMilli()));
                g.writeEndObject();
                g.writeEndObject();
                return true;
            }
            default -> {
                return false;
            }
        }
        g.writeStartObject();
        g.writeStringField(wrapper, text);
        g.writeEndObject();
        return true;
    }

    private static <T extends Record> T readRecord(JsonParser p, Class<T> type, Dialect dialect, boolean topLevel) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected an object for " + type.getSimpleName());
        }
        Shape shape = Shape.of(type);
        Object[] args = new Object[shape.names().length];
        boolean[] seen = new boolean[args.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Integer i = shape.index().get(topLevel && name.equals("_id") ? "id" : name);
            p.nextToken();
            if (i == null || (topLevel && name.equals("id"))) {
                p.skipChildren(); // a field of another version, or one derived by a store: ignored
                continue;
            }
            args[i] = readValue(p, shape.types()[i], dialect);
            seen[i] = true;
        }
        for (int i = 0; i < args.length; i++) {
            if (!seen[i] || args[i] == null) {
                args[i] = absent(shape.types()[i]);
            }
        }
        return shape.construct(type, args);
    }

    /** What a missing component becomes: zero for numbers, false for booleans, null otherwise. */
    static Object absent(Type type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readValue(JsonParser p, Type target, Dialect dialect) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        Class<?> cls = target instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) target;
        if (token == JsonToken.START_OBJECT && dialect == Dialect.EXTENDED && !cls.isRecord() && !Map.class.isAssignableFrom(cls)) {
            return unwrap(p, cls);
        }
        if (cls == String.class) {
            return p.getText();
        }
        if (cls == long.class || cls == Long.class) {
            return p.getLongValue();
        }
        if (cls == int.class || cls == Integer.class) {
            return p.getIntValue();
        }
        if (cls == Instant.class && dialect == Dialect.EXTENDED) {
            return Instant.parse(p.getText());
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return p.getBooleanValue();
        }
        if (cls == BigDecimal.class) {
            return p.getDecimalValue();
        }
        if (cls == Instant.class) {
            return Values.instant(p.getLongValue());
        }
        if (cls == LocalDate.class) {
            return LocalDate.parse(p.getText());
        }
        if (cls.isEnum()) {
            return Enum.valueOf((Class) cls, p.getText());
        }
        if (cls.isRecord()) {
            return readRecord(p, (Class<Record>) cls, dialect, false);
        }
        if (List.class.isAssignableFrom(cls)) {
            Type element = ((ParameterizedType) target).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(readValue(p, element, dialect));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(cls)) {
            Type valueType = ((ParameterizedType) target).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                Object v = readValue(p, valueType, dialect);
                if (v != null) {
                    out.put(key, v);
                }
            }
            return out;
        }
        if (cls == Object.class) {
            return plain(p, dialect);
        }
        throw new IOException("no mapping for " + target);
    }

    /** A value of unknown type as a plain JDK value. */
    private static Object plain(JsonParser p, Dialect dialect) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(plain(p, dialect));
                }
                yield out;
            }
            case START_OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (dialect == Dialect.EXTENDED && out.isEmpty() && key.startsWith("$")) {
                        yield wrapped(p, key, Object.class); // {"$numberDecimal": "4.50"} is a number, not a map
                    }
                    out.put(key, plain(p, dialect));
                }
                yield out;
            }
            default -> null;
        };
    }

    /** Reads {@code {"$numberLong": "…"}} and its kind at START_OBJECT as a value of {@code target}. */
    private static Object unwrap(JsonParser p, Class<?> target) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            throw new IOException("expected a typed value for a " + target.getSimpleName());
        }
        String wrapper = p.currentName();
        p.nextToken();
        return wrapped(p, wrapper, target);
    }

    /** The value of a wrapper whose name was read and whose value is the current token; consumes the closing brace. */
    private static Object wrapped(JsonParser p, String wrapper, Class<?> target) throws IOException {
        Object value;
        if (wrapper.equals("$date")) {
            long millis;
            if (p.currentToken() == JsonToken.START_OBJECT) { // canonical: {"$date": {"$numberLong": "…"}}
                p.nextToken();
                p.nextToken();
                millis = Long.parseLong(p.getText());
                p.nextToken();
            } else if (p.currentToken() == JsonToken.VALUE_STRING) { // relaxed: an ISO-8601 text
                millis = Instant.parse(p.getText()).toEpochMilli();
            } else {
                millis = p.getLongValue();
            }
            value = Instant.ofEpochMilli(millis);
        } else {
            BigDecimal number = switch (wrapper) {
                case "$numberLong", "$numberInt", "$numberDecimal", "$numberDouble" -> new BigDecimal(p.getText());
                default -> throw new IOException("unknown extended JSON type " + wrapper);
            };
            value = number(number, target);
        }
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw new IOException("a typed value has one field");
        }
        return value;
    }

    private static Object number(BigDecimal number, Class<?> target) {
        if (target == long.class || target == Long.class) {
            return number.longValueExact();
        }
        if (target == int.class || target == Integer.class) {
            return number.intValueExact();
        }
        if (target == Instant.class) {
            return Instant.ofEpochMilli(number.longValueExact());
        }
        return number; // BigDecimal, or Object
    }
}
