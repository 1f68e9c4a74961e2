package com.litedesk.core.crm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeWordsTest {

    private static AuditEntry entry(String action, Map<String, String> after) {
        return new AuditEntry("000000000001", 1, 1, Instant.EPOCH, "u1", action, null, AuditOutcome.SUCCESS, Map.of(), after, null, null, "h");
    }

    @Test
    void aChangeNamesTheFieldsInWordsNeverTheirKeysOrIds() {
        assertThat(ChangeWords.describe(entry("contact.update", Map.of("emails", "[a@b.c]", "ownerId", "u2", "customFields", "{}")), id -> null))
                .isEqualTo("changed custom fields, the email and the owner");
        assertThat(ChangeWords.describe(entry("deal.update", Map.of("expectedCloseDate", "2027-01-01")), id -> null))
                .isEqualTo("changed the expected close date");
        assertThat(ChangeWords.describe(entry("deal.update", Map.of("someNewField", "x")), id -> null)).isEqualTo("changed the some new field");
    }

    @Test
    void aMoveNamesTheStageByItsName() {
        assertThat(ChangeWords.describe(entry("deal.move", Map.of("stageId", "s-won", "rank", "5")), id -> id.equals("s-won") ? "Won" : null))
                .isEqualTo("moved to Won");
        assertThat(ChangeWords.describe(entry("deal.move", Map.of("stageId", "gone")), id -> null)).isEqualTo("moved to another stage");
    }
}
