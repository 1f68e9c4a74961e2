package com.litedesk.adapters.mongo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server uses an index only when the filter document names exactly the indexed fields at its top
 * level; otherwise it scans every document (an update of one contact among 100,000 took 1.6 s). Conditional
 * writes by id therefore send one plain {@code {_id, version}} document, which the {@code _id_version} index serves.
 */
class IndexedFiltersTest {

    @Test
    void aConditionalWriteByIdIsOnePlainDocumentTheIdIndexServes() {
        assertThat(MongoRepository.byIdAndVersion("01abc", 7).toJson())
                .isEqualTo("{\"_id\": \"01abc\", \"version\": 7}")
                .doesNotContain("$and");
    }
}
