package com.litedesk.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Contact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueriesTest {

    private final TestInstance instance = new TestInstance();

    private ListResult<Contact> list(String filter, String sort, String q, String cursor, Integer limit) {
        return instance.crm.contacts().list(instance.owner, new ListRequest(filter, sort, q, cursor, limit));
    }

    private void seed(int n) {
        for (int i = 0; i < n; i++) {
            instance.crm.contacts().create(instance.owner, new ContactDraft("First" + i, i % 2 == 0 ? "Even" : "Odd",
                    List.of("c" + i + "@example.com"), List.of(), null, null, i % 3 == 0 ? List.of("vip") : List.of(), null, Map.of()));
        }
    }

    @Test
    void cursorsWalkEveryRecordOnceInAnySort() {
        seed(23);
        for (String sort : new String[] {null, "-createdAt", "lastName,-firstName"}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                ListResult<Contact> page = list(null, sort, null, cursor, 5);
                page.items().forEach(c -> seen.add(c.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(seen).hasSize(23);
            assertThat(new HashSet<>(seen)).hasSize(23);
        }
    }

    @Test
    void filtersAndSearchCombine() {
        seed(12);
        assertThat(list("lastName[eq]:\"Even\",tags[in]:[\"vip\"]", null, null, null, null).items()).hasSize(2);
        assertThat(list(null, null, "first1", null, null).items()).extracting(Contact::firstName)
                .containsExactlyInAnyOrder("First1", "First10", "First11");
        assertThat(list(null, null, "first1 odd", null, null).items()).extracting(Contact::firstName)
                .containsExactlyInAnyOrder("First1", "First11");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "lastName[$ne]:\"x\"", "lastName[eq]:{\"$gt\":\"\"}", "$where[eq]:\"1\"", "passwordHash[eq]:\"x\"",
            "lastName[eq]:unquoted", "lastName[eq]:\"unterminated", "lastName[gt]", "lastName[regex]:\".*\"",
            "tags[gt]:\"a\"", "createdAt[eq]:\"yesterday\""})
    void aMalformedOrForeignFilterIsAValidationError(String filter) {
        assertThatThrownBy(() -> list(filter, null, null, null, null)).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.errors()).extracting(f -> f.field()).containsExactly("filter");
        });
    }

    @Test
    void aPrefixIsMatchedLiterallyNotAsAPattern() {
        seed(3);
        assertThat(list("lastName[prefix]:\".*\"", null, null, null, null).items()).isEmpty();
        assertThat(list(null, null, ".*", null, null).items()).isEmpty();
    }

    @Test
    void limitsCursorsAndSortsAreChecked() {
        seed(3);
        for (Integer bad : new Integer[] {0, -1, 201, 100_000}) {
            assertThatThrownBy(() -> list(null, null, null, null, bad)).hasMessageContaining("limit");
        }
        assertThatThrownBy(() -> list(null, null, null, "garbage!", null)).hasMessageContaining("cursor");
        String cursor = list(null, null, null, null, 1).nextCursor();
        assertThatThrownBy(() -> list(null, "-lastName", null, cursor, 1)).hasMessageContaining("cursor");
        assertThatThrownBy(() -> list(null, "emails", null, null, null)).hasMessageContaining("sort");
    }
}
