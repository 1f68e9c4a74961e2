package com.litedesk.app;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Helidon rejects every class that META-INF/helidon/serial-config.properties does not allow, and the embedded
 * database reads its pages back with Java serialization once they leave its cache. A class missing from the
 * list only fails on large data sets, long after start-up; this reads back every shape LiteDesk stores.
 */
class SerialFilterTest {

    private static ObjectInputFilter helidonFilter() throws IOException {
        var properties = new Properties();
        try (var in = SerialFilterTest.class.getResourceAsStream("/META-INF/helidon/serial-config.properties")) {
            properties.load(in);
        }
        return ObjectInputFilter.Config.createFilter(properties.getProperty("pattern") + ";!*");
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

    @Test
    void everyShapeTheEmbeddedDatabaseStoresIsAllowed() throws Exception {
        var address = new Document("city", "London").append("country", "GB");
        var document = new Document("_id", "01JABCDEFGHJKMNPQRSTVWXYZ0")
                .append("version", 3L)
                .append("seats", 25)
                .append("active", true)
                .append("createdAt", new Date())
                .append("value", Decimal128.fromNumber(new BigDecimal("25000.50")))
                .append("address", address)
                .append("tags", new ArrayList<>(List.of("vip", "new")))
                .append("stages", new ArrayList<>(List.of(new Document("id", "lead").append("probability", 10))));

        assertThat(roundTrip(document, helidonFilter())).isEqualTo(document);
        var key = new KeyValue(List.of("ada@example.com"));
        assertThat(roundTrip(key, helidonFilter())).isEqualTo(key);
    }

    @Test
    void anythingElseIsStillRejected() {
        assertThatThrownBy(() -> roundTrip(new java.util.PriorityQueue<>(List.of(1, 2)), helidonFilter()))
                .isInstanceOf(InvalidClassException.class);
    }
}
