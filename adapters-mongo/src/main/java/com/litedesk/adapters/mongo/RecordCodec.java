package com.litedesk.adapters.mongo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Records ⇄ BSON documents by their components: {@code id} is {@code _id}; BigDecimal is
 * Decimal128, Instant a BSON date, LocalDate ISO text, enums their names; lists, string-keyed maps
 * and nested records recurse; nulls are left out. Fields starting with '_' (derived unique keys)
 * are ignored on the way back.
 */
final class RecordCodec<T extends Record> {

    private final Class<T> type;

    RecordCodec(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        this.type = type;
    }

    Document encode(T record) {
        return encodeRecord(record, true);
    }

    T decode(Document document) {
        return decodeRecord(type, document, true);
    }

    /** What reflection says about one record type, looked up once: fresh accessors on every call are slow. */
    private record Shape(RecordComponent[] components, MethodHandle[] accessors, MethodHandle constructor) {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                try {
                    var lookup = MethodHandles.lookup();
                    RecordComponent[] components = type.getRecordComponents();
                    MethodHandle[] accessors = new MethodHandle[components.length];
                    Class<?>[] types = new Class<?>[components.length];
                    for (int i = 0; i < components.length; i++) {
                        accessors[i] = lookup.unreflect(components[i].getAccessor());
                        types[i] = components[i].getType();
                    }
                    var constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(types));
                    return new Shape(components, accessors, constructor.asSpreader(Object[].class, components.length));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot map " + type.getSimpleName(), e);
                }
            }
        };
    }

    private static Document encodeRecord(Record record, boolean topLevel) {
        Document out = new Document();
        Shape shape = Shape.OF.get(record.getClass());
        for (int i = 0; i < shape.components().length; i++) {
            Object value = read(record, shape.accessors()[i]);
            if (value != null) {
                String name = shape.components()[i].getName();
                out.put(topLevel && name.equals("id") ? "_id" : name, encodeValue(value));
            }
        }
        return out;
    }

    /** The BSON form of a plain value (also used for query values). */
    static Object encodeValue(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> new Decimal128(d);
            case Instant i -> Date.from(i);
            case LocalDate d -> d.toString();
            case Enum<?> e -> e.name();
            case Record r -> encodeRecord(r, false);
            case Collection<?> c -> c.stream().map(RecordCodec::encodeValue).toList();
            case Map<?, ?> m -> {
                Document d = new Document();
                m.forEach((k, v) -> d.put(k.toString(), encodeValue(v)));
                yield d;
            }
            case Integer i -> i;
            case Long l -> l;
            case Short s -> (int) s;
            case Double d -> new Decimal128(BigDecimal.valueOf(d));
            case Float f -> new Decimal128(BigDecimal.valueOf(f));
            default -> value; // String, Boolean
        };
    }

    private static <R extends Record> R decodeRecord(Class<R> type, Document document, boolean topLevel) {
        Shape shape = Shape.OF.get(type);
        RecordComponent[] components = shape.components();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Object raw = document.get(topLevel && c.getName().equals("id") ? "_id" : c.getName());
            args[i] = decodeValue(c.getGenericType(), raw);
        }
        try {
            return type.cast(shape.constructor().invoke(args));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " from the database", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object decodeValue(Type target, Object raw) {
        Class<?> cls = target instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) target;
        if (raw == null) {
            if (cls == long.class) {
                return 0L;
            }
            if (cls == int.class) {
                return 0;
            }
            if (cls == boolean.class) {
                return false;
            }
            return null;
        }
        if (cls == String.class) {
            return raw.toString();
        }
        if (cls == long.class || cls == Long.class) {
            return ((Number) raw).longValue();
        }
        if (cls == int.class || cls == Integer.class) {
            return ((Number) raw).intValue();
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return raw;
        }
        if (cls == BigDecimal.class) {
            return toBigDecimal(raw);
        }
        if (cls == Instant.class) {
            return ((Date) raw).toInstant();
        }
        if (cls == LocalDate.class) {
            return LocalDate.parse(raw.toString());
        }
        if (cls.isEnum()) {
            return Enum.valueOf((Class) cls, raw.toString());
        }
        if (cls.isRecord()) {
            return decodeRecord((Class<Record>) cls, (Document) raw, false);
        }
        if (List.class.isAssignableFrom(cls)) {
            Type element = ((ParameterizedType) target).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                out.add(decodeValue(element, item));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(cls)) {
            Type valueType = ((ParameterizedType) target).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            ((Document) raw).forEach((k, v) -> out.put(k, decodeValue(valueType, v)));
            return out;
        }
        if (cls == Object.class) {
            return plain(raw);
        }
        throw new IllegalStateException("no mapping for " + target);
    }

    /** A stored value of unknown type as a plain JDK value. */
    private static Object plain(Object raw) {
        return switch (raw) {
            case Decimal128 d -> d.bigDecimalValue();
            case Double d -> BigDecimal.valueOf(d);
            case Date d -> d.toInstant();
            case Document d -> {
                Map<String, Object> out = new LinkedHashMap<>();
                d.forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
            case List<?> l -> l.stream().map(RecordCodec::plain).toList();
            default -> raw;
        };
    }

    private static BigDecimal toBigDecimal(Object raw) {
        return switch (raw) {
            case Decimal128 d -> d.bigDecimalValue();
            case BigDecimal d -> d;
            case Number n -> new BigDecimal(n.toString());
            default -> new BigDecimal(raw.toString());
        };
    }

    private static Object read(Record record, MethodHandle accessor) {
        try {
            return accessor.invoke(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
