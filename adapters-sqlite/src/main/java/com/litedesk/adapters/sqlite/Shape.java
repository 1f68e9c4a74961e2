package com.litedesk.adapters.sqlite;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** What reflection says about one record type, looked up once: its components, their accessors and its constructor. */
record Shape(String[] names, Type[] types, MethodHandle[] accessors, MethodHandle constructor, Map<String, Integer> index) {

    private static final ClassValue<Shape> OF = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            try {
                var lookup = MethodHandles.lookup();
                RecordComponent[] components = type.getRecordComponents();
                String[] names = new String[components.length];
                Type[] types = new Type[components.length];
                MethodHandle[] accessors = new MethodHandle[components.length];
                Class<?>[] raw = new Class<?>[components.length];
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    types[i] = components[i].getGenericType();
                    accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                    raw[i] = components[i].getType();
                    index.put(names[i], i);
                }
                var constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(raw)).asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class)); // so that invokeExact needs no adaptation
                return new Shape(names, types, accessors, constructor, Map.copyOf(index));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot map " + type.getSimpleName(), e);
            }
        }
    };

    static Shape of(Class<?> type) {
        return OF.get(type);
    }

    Object read(Object record, int component) {
        try {
            return (Object) accessors[component].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the (dotted) path on {@code record}, or null where a part of it is null or missing. */
    static Object readPath(Object record, String[] path) {
        Object current = record;
        for (String part : path) {
            if (current instanceof java.util.Map<?, ?> map) {
                current = map.get(part);
                continue;
            }
            if (!(current instanceof Record r)) {
                return null;
            }
            Shape shape = of(r.getClass());
            Integer i = shape.index().get(part);
            if (i == null) {
                return null;
            }
            current = shape.read(r, i);
        }
        return current;
    }

    /** The declared type of the (dotted) path on records of {@code type}, or null when it has no such path. */
    static Type typeOf(Class<?> type, String[] path) {
        Type current = type;
        for (String part : path) {
            if (current instanceof java.lang.reflect.ParameterizedType map && map.getRawType() == java.util.Map.class) {
                current = map.getActualTypeArguments()[1]; // a key of a map (custom fields): its values' type
                continue;
            }
            if (!(current instanceof Class<?> c) || !c.isRecord()) {
                return null;
            }
            Shape shape = of(c);
            Integer i = shape.index().get(part);
            if (i == null) {
                return null;
            }
            current = shape.types()[i];
        }
        return current;
    }

    <T> T construct(Class<T> type, Object[] args) {
        try {
            return type.cast((Object) constructor.invokeExact(args));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " from the database", e);
        }
    }
}
