package com.litedesk.core.records;

import com.litedesk.core.support.RecordFields;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as plain values and back: text stays text, numbers become decimals, true/false stays, instants and dates
 * become ISO text, enums their names, nested records maps, lists and maps recurse; nulls are left out. These are the
 * shapes every store keeps for a {@code Map<String, Object>} (custom fields), so a record kept this way reads back
 * equal from any of them.
 */
public final class RecordValues {

    private RecordValues() {
    }

    /** Every non-null field of {@code record} as a plain value. */
    public static Map<String, Object> of(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        RecordFields.all(record).forEach((name, value) -> {
            Object plain = plain(value);
            if (plain != null) {
                out.put(name, plain);
            }
        });
        return out;
    }

    /** The record of {@code type} the values describe; IllegalArgumentException when they do not fit it. */
    public static <T extends Record> T read(Class<T> type, Map<String, ?> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = typed(components[i].getGenericType(), values.get(components[i].getName()));
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the values do not make a " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer n -> BigDecimal.valueOf(n);
            case Double d -> BigDecimal.valueOf(d);
            case Instant t -> t.toString();
            case LocalDate d -> d.toString();
            case Enum<?> e -> e.name();
            case Record r -> of(r);
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(item -> out.add(plain(item)));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    Object plain = plain(v);
                    if (plain != null) {
                        out.put(String.valueOf(k), plain);
                    }
                });
                yield out;
            }
            default -> throw new IllegalArgumentException("no plain value for a " + value.getClass().getSimpleName());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object typed(Type type, Object value) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (value == null) {
            if (raw == long.class) {
                return 0L;
            }
            if (raw == int.class) {
                return 0;
            }
            if (raw == boolean.class) {
                return false;
            }
            return raw == List.class ? List.of() : raw == Map.class ? Map.of() : null;
        }
        if (raw == String.class || raw == Object.class) {
            return value;
        }
        if (raw == long.class || raw == Long.class) {
            return decimal(value).longValueExact();
        }
        if (raw == int.class || raw == Integer.class) {
            return decimal(value).intValueExact();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value;
        }
        if (raw == BigDecimal.class) {
            return decimal(value);
        }
        if (raw == Instant.class) {
            return Instant.parse((String) value);
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse((String) value);
        }
        if (raw.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) raw, (String) value);
        }
        if (raw.isRecord()) {
            return read((Class<? extends Record>) raw, (Map<String, ?>) value);
        }
        if (raw == List.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            ((List<?>) value).forEach(v -> out.add(typed(item, v)));
            return out;
        }
        if (raw == Map.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, ?>) value).forEach((k, v) -> out.put(k, typed(item, v)));
            return out;
        }
        throw new IllegalArgumentException("no " + raw.getSimpleName() + " from a plain value");
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
