package com.litedesk.core.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a record's components by name. The accessors of a record type are looked up once and kept:
 * {@code RecordComponent.getAccessor().invoke(...)} builds a new accessor on every call, which made
 * bulk work (imports, list cursors, audit diffs) spend most of its time in reflection.
 */
public final class RecordFields {

    private static final ClassValue<Map<String, MethodHandle>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> accessors = new LinkedHashMap<>();
            var lookup = MethodHandles.publicLookup();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    accessors.put(component.getName(), lookup.unreflect(component.getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + component.getName(), e);
                }
            }
            return java.util.Collections.unmodifiableMap(accessors); // keeps declaration order
        }
    };

    private RecordFields() {
    }

    /** Whether {@code record} has a component called {@code name}. */
    public static boolean has(Record record, String name) {
        return ACCESSORS.get(record.getClass()).containsKey(name);
    }

    /** The value of the component {@code name}; IllegalArgumentException when there is none. */
    public static Object get(Record record, String name) {
        MethodHandle accessor = ACCESSORS.get(record.getClass()).get(name);
        if (accessor == null) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + name);
        }
        return invoke(accessor, record);
    }

    /** Every component in declaration order, nulls included. */
    public static Map<String, Object> all(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        ACCESSORS.get(record.getClass()).forEach((name, accessor) -> out.put(name, invoke(accessor, record)));
        return out;
    }

    private static Object invoke(MethodHandle accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
