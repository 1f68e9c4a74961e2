package com.litedesk.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiteDesk deserializes nothing with Java serialization (its stores keep JSON and BSON), so the filter that
 * META-INF/helidon/serial-config.properties gives Helidon rejects every class, the JDK's collections included.
 */
class SerialFilterTest {

    private static ObjectInputFilter helidonFilter() throws IOException {
        var properties = new Properties();
        try (var in = SerialFilterTest.class.getResourceAsStream("/META-INF/helidon/serial-config.properties")) {
            properties.load(in);
        }
        return ObjectInputFilter.Config.createFilter(properties.getProperty("pattern"));
    }

    private static Object roundTrip(Object value, ObjectInputFilter filter) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    record Gadget(String command) implements Serializable {
    }

    @Test
    void everyClassIsRejected() {
        for (Object value : List.of(new ArrayList<>(List.of("a")), new HashMap<>(java.util.Map.of("k", "v")),
                new java.util.PriorityQueue<>(List.of(1, 2)), new Gadget("rm -rf /"))) {
            assertThatThrownBy(() -> roundTrip(value, helidonFilter())).isInstanceOf(InvalidClassException.class);
        }
    }
}
