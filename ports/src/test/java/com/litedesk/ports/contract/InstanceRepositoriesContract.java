package com.litedesk.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.ActivityType;
import com.litedesk.ports.crm.Address;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.RecentView;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Stage;
import com.litedesk.ports.crm.StageKind;
import com.litedesk.ports.crm.StageTotals;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.crm.TaskPriority;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.identity.RefreshToken;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.notifications.Notification;
import com.litedesk.ports.notifications.NotificationKind;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every repository port. Each storage adapter runs it by subclassing with a
 * factory for fresh, empty stores; the in-memory stores and the MongoDB adapter must behave alike.
 */
public abstract class InstanceRepositoriesContract {

    protected static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    protected InstanceRepositories stores;

    /** Fresh, empty stores for one test. */
    protected abstract InstanceRepositories newStores();

    @BeforeEach
    void open() {
        stores = newStores();
    }

    protected static Contact contact(String id, String first, String last, String email, List<String> tags) {
        return new Contact(id, 1, first, last, email == null ? List.of() : List.of(email, "other-" + id + "@example.com"),
                List.of("+1 555"), "Title", null, tags, "owner", "team", Map.of("score", new BigDecimal("4.50"), "vip", true, "since", "2020-01-01"),
                T0, "creator", T0, "creator");
    }

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void everyFieldTypeRoundTrips() {
        Contact c = contact("c1", "Ada", "Lovelace", "Ada@Example.com", List.of("a", "b"));
        stores.contacts().insert(c);
        Contact back = stores.contacts().findById("c1").orElseThrow();
        assertThat(back).usingRecursiveComparison().ignoringFields("customFields").isEqualTo(c);
        assertThat((BigDecimal) back.customFields().get("score")).isEqualByComparingTo("4.50");
        assertThat(back.customFields()).containsEntry("vip", true).containsEntry("since", "2020-01-01");

        Deal d = new Deal("d1", 3, "Big", new BigDecimal("1234.56"), "EUR", "p", "s", "t0i", DealStatus.WON, T0, LocalDate.parse("2026-05-06"),
                List.of("c1"), null, "owner", null, Map.of(), T0, "x", T0, "x");
        stores.deals().insert(d);
        Deal dealBack = stores.deals().findById("d1").orElseThrow();
        assertThat(dealBack.value()).isEqualByComparingTo("1234.56");
        assertThat(dealBack).usingRecursiveComparison().ignoringFields("value").isEqualTo(d);

        Company co = new Company("co1", 1, "Acme", "acme.com", null, null, new Address("1 Road", "Paris", null, null, "FR"), "o", null,
                Map.of(), T0, "x", T0, "x");
        stores.companies().insert(co);
        assertThat(stores.companies().findById("co1")).contains(co);

        Pipeline p = new Pipeline("p1", 1, "Sales", List.of(new Stage("s1", "Lead", 10, StageKind.OPEN), new Stage("s2", "Won", 100, StageKind.WON)),
                true, T0, "x", T0, "x");
        stores.pipelines().insert(p);
        assertThat(stores.pipelines().findById("p1")).contains(p);

        Task t = new Task("t1", 1, "Call", null, LocalDate.parse("2026-01-03"), TaskPriority.HIGH, TaskStatus.OPEN, "u1",
                new RecordRef(RecordType.CONTACT, "c1"), null, "u1", null, T0, "x", T0, "x");
        stores.tasks().insert(t);
        assertThat(stores.tasks().findById("t1")).contains(t);
        assertThat(stores.tasks().findById("missing")).isEmpty();
    }

    @Test
    void aTakenIdOrUniqueKeyIsAConflictAndNullKeysNeverCollide() {
        stores.contacts().insert(contact("c1", "A", "A", "ada@example.com", List.of()));
        fails(() -> stores.contacts().insert(contact("c1", "B", "B", "b@example.com", List.of())), ErrorCode.CONFLICT);
        fails(() -> stores.contacts().insert(contact("c2", "B", "B", "ADA@example.COM", List.of())), ErrorCode.CONFLICT);
        stores.contacts().insert(contact("c3", "N", "N", null, List.of()));
        stores.contacts().insert(contact("c4", "N", "N", null, List.of()));
        assertThat(stores.contacts().findByPrimaryEmail("Ada@Example.com")).map(Contact::id).contains("c1");
        assertThat(stores.contacts().count(List.of())).isEqualTo(3);

        stores.users().insert(user("u1", "Owner@Acme.test"));
        fails(() -> stores.users().insert(user("u2", "owner@acme.test")), ErrorCode.CONFLICT);
        assertThat(stores.users().findByEmail("OWNER@acme.test")).map(User::id).contains("u1");

        stores.companies().insert(company("co1", "Acme.com"));
        stores.companies().insert(company("co2", null));
        stores.companies().insert(company("co3", null));
        fails(() -> stores.companies().insert(company("co4", "acme.COM")), ErrorCode.CONFLICT);
        assertThat(stores.companies().findByDomain("ACME.com")).map(Company::id).contains("co1");
    }

    private static User user(String id, String email) {
        return new User(id, 1, email.toLowerCase(), "Name", Role.USER, null, true, T0, "x", T0, "x");
    }

    private static Company company(String id, String domain) {
        return new Company(id, 1, "Co " + id, domain, null, null, null, "o", null, Map.of(), T0, "x", T0, "x");
    }

    @Test
    void replaceAndDeleteCheckTheVersion() {
        Contact c = contact("c1", "A", "A", "a@example.com", List.of());
        stores.contacts().insert(c);
        Contact v2 = new Contact("c1", 2, "B", c.lastName(), List.of("new@example.com"), c.phones(), c.title(), c.companyId(), c.tags(),
                c.ownerId(), c.teamId(), c.customFields(), c.createdAt(), c.createdBy(), T0.plusSeconds(1), "editor");
        stores.contacts().replace(v2, 1);
        assertThat(stores.contacts().findById("c1").orElseThrow().firstName()).isEqualTo("B");
        assertThat(stores.contacts().findByPrimaryEmail("a@example.com")).isEmpty();
        assertThat(stores.contacts().findByPrimaryEmail("new@example.com")).isPresent();
        fails(() -> stores.contacts().replace(v2, 1), ErrorCode.PRECONDITION_FAILED);
        fails(() -> stores.contacts().replace(contact("nope", "A", "A", null, List.of()), 0), ErrorCode.NOT_FOUND);
        fails(() -> stores.contacts().delete("c1", 1), ErrorCode.PRECONDITION_FAILED);
        fails(() -> stores.contacts().delete("nope", 1), ErrorCode.NOT_FOUND);
        stores.contacts().delete("c1", 2);
        assertThat(stores.contacts().findById("c1")).isEmpty();
        stores.contacts().insert(contact("c2", "A", "A", "new@example.com", List.of())); // the key is free again
    }

    @Test
    void concurrentReplacesOfOneVersionHaveExactlyOneWinner() throws Exception {
        Contact c = contact("c1", "A", "A", null, List.of());
        stores.contacts().insert(c);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = "W" + i;
            attempts.add(() -> {
                try {
                    stores.contacts().replace(new Contact("c1", 2, name, "A", List.of(), List.of(), null, null, List.of(), "owner", null,
                            Map.of(), T0, "x", T0, "x"), 1);
                    return true;
                } catch (LiteDeskException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                    return false;
                }
            });
        }
        int winners = 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                winners += f.get() ? 1 : 0;
            }
        }
        assertThat(winners).isEqualTo(1);
    }

    private void seedContacts() {
        String[] last = {"Hopper", "lovelace", "Turing", "Hopper", null, "Hamilton"};
        for (int i = 0; i < last.length; i++) {
            stores.contacts().insert(new Contact("c" + i, 1, "F" + i, last[i], i == 4 ? List.of() : List.of("p" + i + "@example.com"),
                    List.of(), null, i % 2 == 0 ? "co1" : null, i < 3 ? List.of("vip", "t" + i) : List.of(), "owner", null,
                    Map.of(), T0.plusSeconds(i), "x", T0.plusSeconds(i), "x"));
        }
    }

    private List<String> ids(List<Condition> where) {
        return stores.contacts().list(new Query(where, List.of(), null, 100)).items().stream().map(Contact::id).toList();
    }

    @Test
    void conditionsMatchLikeMongoDb() {
        seedContacts();
        assertThat(ids(List.of(Condition.eq("lastName", "Hopper")))).containsExactly("c0", "c3");
        assertThat(ids(List.of(Condition.of("lastName", Operator.NE, "Hopper")))).containsExactly("c1", "c2", "c4", "c5");
        assertThat(ids(List.of(Condition.eq("lastName", null)))).containsExactly("c4");
        assertThat(ids(List.of(Condition.of("lastName", Operator.NE, null)))).containsExactly("c0", "c1", "c2", "c3", "c5");
        assertThat(ids(List.of(Condition.of("lastName", Operator.IN, List.of("Turing", "Hamilton"))))).containsExactly("c2", "c5");
        assertThat(ids(List.of(Condition.of("lastName", Operator.PREFIX, "ho")))).containsExactly("c0", "c3");
        assertThat(ids(List.of(Condition.of("lastName", Operator.PREFIX, "LOVE")))).containsExactly("c1");
        assertThat(ids(List.of(Condition.eq("tags", "vip")))).containsExactly("c0", "c1", "c2");
        assertThat(ids(List.of(Condition.of("emails", Operator.PREFIX, "P3@")))).containsExactly("c3");
        assertThat(ids(List.of(Condition.of("tags", Operator.NE, "vip")))).containsExactly("c3", "c4", "c5");
        assertThat(ids(List.of(Condition.eq("id", "c2")))).containsExactly("c2");
        assertThat(ids(List.of(Condition.of("createdAt", Operator.GTE, T0.plusSeconds(4))))).containsExactly("c4", "c5");
        assertThat(ids(List.of(Condition.eq("companyId", "co1"), Condition.eq("tags", "vip")))).containsExactly("c0", "c2");
        assertThat(ids(List.of(new Condition.AnyOf(List.of(Condition.eq("lastName", "Turing"), Condition.eq("firstName", "F5")))))).containsExactly("c2", "c5");
        assertThat(stores.contacts().count(List.of(Condition.eq("tags", "vip")))).isEqualTo(3);
    }

    @Test
    void valuesAreMatchedLiterallyNeverAsOperatorsOrPatterns() {
        seedContacts();
        stores.contacts().insert(new Contact("x1", 1, "{\"$ne\":null}", "$where", List.of(), List.of(), null, null, List.of(), "o", null,
                Map.of(), T0, "x", T0, "x"));
        assertThat(ids(List.of(Condition.eq("lastName", "{\"$ne\":null}")))).isEmpty();
        assertThat(ids(List.of(Condition.eq("firstName", "{\"$ne\":null}")))).containsExactly("x1");
        assertThat(ids(List.of(Condition.eq("lastName", "$where")))).containsExactly("x1");
        assertThat(ids(List.of(Condition.of("lastName", Operator.PREFIX, ".*")))).isEmpty();
        assertThat(ids(List.of(Condition.of("lastName", Operator.PREFIX, "$")))).containsExactly("x1");
        assertThat(ids(List.of(Condition.of("lastName", Operator.PREFIX, "H[a-z]")))).isEmpty();
    }

    @Test
    void numbersDatesAndEnumsCompareByValue() {
        for (int i = 0; i < 5; i++) {
            stores.deals().insert(new Deal("d" + i, 1, "D" + i, new BigDecimal(i * 100 + ".50"), "EUR", "p", i < 3 ? "s1" : "s2", "r" + i,
                    i == 4 ? DealStatus.WON : DealStatus.OPEN, i == 4 ? T0 : null, LocalDate.parse("2026-0" + (i + 1) + "-15"), List.of(), null, "o", null, Map.of(),
                    T0, "x", T0, "x"));
        }
        List<String> bigOnes = stores.deals().list(Query.where(List.of(Condition.of("value", Operator.GT, new BigDecimal("150"))), 10))
                .items().stream().map(Deal::id).toList();
        assertThat(bigOnes).containsExactly("d2", "d3", "d4");
        assertThat(stores.deals().count(List.of(Condition.of("value", Operator.LTE, 100L)))).isEqualTo(1);
        assertThat(stores.deals().count(List.of(Condition.of("expectedCloseDate", Operator.LT, LocalDate.parse("2026-03-01"))))).isEqualTo(2);
        assertThat(stores.deals().count(List.of(Condition.eq("status", DealStatus.WON)))).isEqualTo(1);
        List<StageTotals> totals = stores.deals().stageTotals("p");
        assertThat(totals).extracting(StageTotals::stageId).containsExactlyInAnyOrder("s1", "s2");
        StageTotals s1 = totals.stream().filter(t -> t.stageId().equals("s1")).findFirst().orElseThrow();
        assertThat(s1.count()).isEqualTo(3);
        assertThat(s1.valueByCurrency().get("EUR")).isEqualByComparingTo("301.50");
        assertThat(stores.deals().stageTotals("other")).isEmpty();
    }

    @Test
    void closedDealsAreFoundByStatusAndCloseTimeAPageAtATime() {
        DealStatus[] statuses = {DealStatus.WON, DealStatus.LOST, DealStatus.OPEN};
        for (int i = 0; i < 9; i++) {
            DealStatus status = statuses[i % 3];
            Instant closedAt = status == DealStatus.OPEN ? null : T0.plusSeconds(86_400L * i);
            stores.deals().insert(new Deal("c" + i, 1, "C" + i, BigDecimal.TEN, "EUR", "p", "s", "r" + i, status, closedAt, null,
                    List.of(), null, i < 5 ? "o1" : "o2", i < 5 ? "north" : null, Map.of(), T0, "x", T0, "x"));
        }
        List<Condition> closedFromDay1 = List.of(Condition.of("status", Operator.IN, List.of(DealStatus.WON, DealStatus.LOST)),
                Condition.of("closedAt", Operator.GTE, T0.plusSeconds(86_400)), Condition.of("closedAt", Operator.LT, T0.plusSeconds(86_400L * 8)));
        Query first = Query.where(closedFromDay1, 2);
        var page = stores.deals().list(first);
        assertThat(page.items()).extracting(Deal::id).containsExactly("c1", "c3");
        assertThat(page.hasMore()).isTrue();
        var next = stores.deals().list(first.withAfter(List.of("c3")));
        assertThat(next.items()).extracting(Deal::id).containsExactly("c4", "c6");
        assertThat(stores.deals().list(first.withAfter(List.of("c6"))).items()).extracting(Deal::id).containsExactly("c7");
        List<Condition> teams = new java.util.ArrayList<>(closedFromDay1);
        teams.add(Condition.eq("teamId", "north"));
        assertThat(stores.deals().count(teams)).isEqualTo(3);
        assertThat(stores.deals().findById("c0").orElseThrow().closedAt()).isEqualTo(T0);
    }

    @Test
    void stageTotalsFollowMovesEditsAndDeletesExactly() {
        for (int i = 0; i < 3; i++) {
            stores.deals().insert(new Deal("t" + i, 1, "T" + i, new BigDecimal(i == 2 ? "0.125" : "1000000000000.10"), "EUR", "p", "s1", "r" + i,
                    DealStatus.OPEN, null, null, List.of(), null, "o", null, Map.of(), T0, "x", T0, "x"));
        }
        Deal moved = stores.deals().findById("t0").orElseThrow();
        stores.deals().replace(new Deal("t0", 2, moved.title(), moved.value(), "USD", "p", "s2", "r9", DealStatus.OPEN, null, null, List.of(), null,
                "o", null, Map.of(), T0, "x", T0, "x"), 1);
        stores.deals().delete("t1", 1);
        var totals = stores.deals().stageTotals("p");
        assertThat(totals).extracting(StageTotals::stageId).containsExactlyInAnyOrder("s1", "s2");
        StageTotals s1 = totals.stream().filter(t -> t.stageId().equals("s1")).findFirst().orElseThrow();
        assertThat(s1.count()).isEqualTo(1);
        assertThat(s1.valueByCurrency().get("EUR")).isEqualByComparingTo("0.125");
        StageTotals s2 = totals.stream().filter(t -> t.stageId().equals("s2")).findFirst().orElseThrow();
        assertThat(s2.valueByCurrency()).containsOnlyKeys("USD");
        assertThat(s2.valueByCurrency().get("USD")).isEqualByComparingTo("1000000000000.10");
        stores.deals().delete("t2", 1);
        assertThat(stores.deals().stageTotals("p")).extracting(StageTotals::stageId).containsExactly("s2");
    }

    @Test
    void sortingAndKeysetPagesVisitEveryRecordOnceInOrder() {
        seedContacts();
        for (List<SortKey> sort : List.of(List.<SortKey>of(), List.of(SortKey.asc("lastName")), List.of(SortKey.desc("lastName")),
                List.of(SortKey.desc("companyId"), SortKey.asc("firstName")), List.of(SortKey.desc("id")))) {
            List<String> all = stores.contacts().list(new Query(List.of(), sort, null, 100)).items().stream().map(Contact::id).toList();
            List<String> walked = new ArrayList<>();
            Query q = new Query(List.of(), sort, null, 2);
            while (true) {
                Page<Contact> page = stores.contacts().list(q);
                page.items().forEach(c -> walked.add(c.id()));
                if (!page.hasMore()) {
                    break;
                }
                Contact last = page.items().getLast();
                List<Object> after = new ArrayList<>();
                for (SortKey k : sort) {
                    after.add(switch (k.field()) {
                        case "lastName" -> last.lastName();
                        case "firstName" -> last.firstName();
                        case "companyId" -> last.companyId();
                        default -> last.id();
                    });
                }
                after.add(last.id());
                q = q.withAfter(after);
            }
            assertThat(walked).as("sort %s", sort).isEqualTo(all).hasSize(6);
            assertThat(new HashSet<>(walked)).hasSize(6);
        }
        List<String> byName = stores.contacts().list(new Query(List.of(), List.of(SortKey.asc("lastName")), null, 100)).items().stream()
                .map(Contact::id).toList();
        assertThat(byName.getFirst()).isEqualTo("c4"); // null sorts first
        assertThat(byName.subList(1, 3)).containsExactly("c5", "c0"); // Hamilton, Hopper (then c3 Hopper by id)
    }

    @Test
    void tiesAreBrokenByIdInTheDirectionOfTheLastSortKey() {
        seedContacts();
        List<String> desc = stores.contacts().list(new Query(List.of(Condition.eq("lastName", "Hopper")), List.of(SortKey.desc("lastName")),
                null, 10)).items().stream().map(Contact::id).toList();
        assertThat(desc).containsExactly("c3", "c0");
        List<String> asc = stores.contacts().list(new Query(List.of(Condition.eq("lastName", "Hopper")), List.of(SortKey.asc("lastName")),
                null, 10)).items().stream().map(Contact::id).toList();
        assertThat(asc).containsExactly("c0", "c3");
        List<String> byNameDesc = stores.contacts().list(new Query(List.of(), List.of(SortKey.desc("lastName")), null, 100)).items().stream()
                .map(Contact::id).toList();
        assertThat(byNameDesc.getLast()).isEqualTo("c4"); // null sorts last when descending
    }

    private void seedPeople() {
        String[][] people = {
                {"p1", "Ada", "Lovelace", "ada@analytical.example", "Countess"},
                {"p2", "Grace", "Hopper", "grace@navy.example", "Rear Admiral"},
                {"p3", "Zoë", "Ångström", "zoe@lab.example", null},
                {"p4", "Alan", "Turing", "alan.turing@bletchley.example", "Mathematician"},
                {"p5", "Adam", "Smith", "lovelace.fan@club.example", "Economist"},
                {"p6", "Marie", "O'Brien", "marie@obrien.example", null},
        };
        for (String[] p : people) {
            stores.contacts().insert(new Contact(p[0], 1, p[1], p[2], List.of(p[3]), List.of(), p[4], null, List.of(), p[0].equals("p5") ? "o2" : "owner",
                    null, Map.of(), T0, "x", T0, "x"));
        }
    }

    private List<String> search(String text, List<Condition> more) {
        List<Condition> where = new ArrayList<>(more);
        where.add(new Condition.Matches(text));
        return stores.contacts().list(new Query(where, List.of(SortKey.relevance()), null, 50)).items().stream().map(Contact::id).toList();
    }

    @Test
    void fullTextSearchMatchesEveryWordAsAPrefixWhateverTheCaseOrAccents() {
        seedPeople();
        assertThat(search("ada", List.of())).containsExactlyInAnyOrder("p1", "p5");
        assertThat(search("ADA LOV", List.of())).containsExactly("p1", "p5"); // Adam, lovelace.fan@…: the full name first
        assertThat(search("zoe angs", List.of())).containsExactly("p3");
        assertThat(search("Ångström", List.of())).containsExactly("p3");
        assertThat(search("turing@bletch", List.of())).containsExactly("p4");
        assertThat(search("bletchley.example", List.of())).containsExactly("p4");
        assertThat(search("o'brien", List.of())).containsExactly("p6");
        assertThat(search("rear adm", List.of())).containsExactly("p2");
        assertThat(search("nobody", List.of())).isEmpty();
        assertThat(search("@@", List.of())).isEmpty();
        assertThat(search("\"$ne\" * OR NEAR", List.of())).isEmpty(); // operators of the stores' languages are plain words
        assertThat(search("ada", List.of(Condition.eq("ownerId", "o2")))).containsExactly("p5"); // scoped like any list
        assertThat(stores.contacts().count(List.of(new Condition.Matches("hopper")))).isEqualTo(1);
        assertThat(stores.companies().list(new Query(List.of(new Condition.Matches("ada")), List.of(), null, 10)).items()).isEmpty();
    }

    @Test
    void aNameMatchRanksAboveAMatchElsewhereAndRelevancePagesArePositional() {
        seedPeople();
        assertThat(search("lovelace", List.of())).containsExactly("p1", "p5"); // the name before the email address
        List<String> walked = new ArrayList<>();
        Query q = new Query(List.of(new Condition.Matches("e")), List.of(SortKey.relevance()), null, 2);
        for (int page = 0; page < 10; page++) {
            Page<Contact> result = stores.contacts().list(q);
            result.items().forEach(c -> walked.add(c.id()));
            if (!result.hasMore()) {
                break;
            }
            q = q.withAfter(List.of((long) walked.size(), walked.getLast()));
        }
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrder("p1", "p2", "p3", "p4", "p5", "p6");
    }

    @Test
    void searchFollowsEveryWrite() {
        seedPeople();
        Contact ada = stores.contacts().findById("p1").orElseThrow();
        stores.contacts().replace(new Contact("p1", 2, "Augusta", ada.lastName(), ada.emails(), ada.phones(), ada.title(), null, List.of(),
                ada.ownerId(), null, Map.of(), T0, "x", T0, "x"), 1);
        assertThat(search("augusta", List.of())).containsExactly("p1");
        assertThat(search("ada lov", List.of())).containsExactly("p1", "p5"); // the new name with the old email address
        stores.contacts().delete("p1", 2);
        assertThat(search("augusta", List.of())).isEmpty();
        stores.contacts().insertAll(List.of(contact("b1", "Bulk", "Loaded", "bulk@example.com", List.of())));
        assertThat(search("bulk load", List.of())).containsExactly("b1");
    }

    @Test
    void insertAllStoresEveryRecord() {
        List<Contact> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(contact("bulk" + i, "F", "L" + i, "bulk" + i + "@example.com", List.of()));
        }
        stores.contacts().insertAll(many);
        assertThat(stores.contacts().count(List.of())).isEqualTo(1200);
        assertThat(stores.contacts().findByPrimaryEmail("bulk1199@example.com")).isPresent();
    }

    @Test
    void aRefreshTokenRotatesOnceEvenUnderRacesAndFamiliesAreRevokedTogether() throws Exception {
        for (String id : List.of("a", "b", "c")) {
            stores.refreshTokens().insert(new RefreshToken(id, 1, id.equals("c") ? "f2" : "f1", "u1", T0, T0.plusSeconds(60), null, false));
        }
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            racers.add(() -> stores.refreshTokens().markRotated("a", T0.plusSeconds(1)));
        }
        int winners = 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                winners += f.get() ? 1 : 0;
            }
        }
        assertThat(winners).isEqualTo(1);
        assertThat(stores.refreshTokens().findById("a").orElseThrow().rotatedAt()).isEqualTo(T0.plusSeconds(1));
        stores.refreshTokens().revokeFamily("f1");
        assertThat(stores.refreshTokens().findById("b").orElseThrow().revoked()).isTrue();
        assertThat(stores.refreshTokens().findById("c").orElseThrow().revoked()).isFalse();
        assertThat(stores.refreshTokens().markRotated("b", T0)).isFalse();
        stores.refreshTokens().revokeAllOf("u1");
        assertThat(stores.refreshTokens().findById("c").orElseThrow().revoked()).isTrue();
    }

    @Test
    void aOneTimeTokenIsConsumedOnce() throws Exception {
        stores.oneTimeTokens().insert(new OneTimeToken("tok", 1, "u1", "SET_PASSWORD", T0.plusSeconds(60), null));
        List<Callable<Optional<OneTimeToken>>> racers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            racers.add(() -> stores.oneTimeTokens().consume("tok", T0));
        }
        int used = 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var f : pool.invokeAll(racers)) {
                used += f.get().isPresent() ? 1 : 0;
            }
        }
        assertThat(used).isEqualTo(1);
        assertThat(stores.oneTimeTokens().consume("missing", T0)).isEmpty();
    }

    @Test
    void aConsumedOneTimeTokenKeepsWhoIssuedItWhenButNotItsLink() {
        stores.oneTimeTokens().insert(new OneTimeToken("t1", 1, "u1", "SET_PASSWORD", T0.plusSeconds(60), null, T0, "admin-1",
                "http://acme.test/set-password?token=secret"));
        stores.oneTimeTokens().insert(new OneTimeToken("t2", 1, "u2", "SET_PASSWORD", T0.plusSeconds(60), null, T0, "admin-1", null));
        assertThat(stores.oneTimeTokens().list(com.litedesk.ports.store.Query.where(List.of(
                com.litedesk.ports.store.Condition.eq("userId", "u1"), com.litedesk.ports.store.Condition.eq("purpose", "SET_PASSWORD")), 10))
                .items()).extracting(OneTimeToken::id).containsExactly("t1");
        OneTimeToken before = stores.oneTimeTokens().consume("t1", T0.plusSeconds(1)).orElseThrow();
        assertThat(before.link()).isEqualTo("http://acme.test/set-password?token=secret");
        OneTimeToken used = stores.oneTimeTokens().findById("t1").orElseThrow();
        assertThat(used.usedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(used.createdAt()).isEqualTo(T0);
        assertThat(used.createdBy()).isEqualTo("admin-1");
        assertThat(used.link()).isNull();
    }

    @Test
    void theAuditLogIsAppendOnlyWithUniqueSequenceNumbers() {
        assertThat(stores.audit().last()).isEmpty();
        for (long seq = 1; seq <= 12; seq++) {
            stores.audit().insert(entry(seq));
        }
        assertThat(stores.audit().last().orElseThrow().seq()).isEqualTo(12);
        fails(() -> stores.audit().insert(entry(7)), ErrorCode.CONFLICT);
        fails(() -> stores.audit().replace(entry(7), 0), ErrorCode.CONFLICT);
        fails(() -> stores.audit().delete(AuditEntry.idOf(7), 0), ErrorCode.CONFLICT);
        AuditEntry back = stores.audit().findById(AuditEntry.idOf(3)).orElseThrow();
        assertThat(back).isEqualTo(entry(3));
        assertThat(stores.audit().count(List.of(Condition.eq("record.id", "c3")))).isEqualTo(1);
    }

    @Test
    void aUsersRecentViewsListNewestFirstOncePerRecordAndApartFromOtherUsers() {
        RecordRef ada = new RecordRef(RecordType.CONTACT, "c1");
        RecordRef acme = new RecordRef(RecordType.COMPANY, "c1");
        RecordRef deal = new RecordRef(RecordType.DEAL, "d1");
        stores.recentViews().insert(view("u1", ada, 1));
        stores.recentViews().insert(view("u1", acme, 2));
        stores.recentViews().insert(view("u1", deal, 3));
        stores.recentViews().insert(view("u2", deal, 9));
        fails(() -> stores.recentViews().insert(view("u1", ada, 4)), ErrorCode.CONFLICT);
        RecentView again = view("u1", ada, 5);
        stores.recentViews().replace(new RecentView(again.id(), 2, "u1", ada, again.viewedAt()), 1);
        fails(() -> stores.recentViews().replace(new RecentView(again.id(), 2, "u1", ada, again.viewedAt()), 1),
                ErrorCode.PRECONDITION_FAILED);

        assertThat(recentOf("u1", 10)).containsExactly(ada, deal, acme);
        assertThat(recentOf("u1", 2)).containsExactly(ada, deal);
        assertThat(recentOf("u2", 10)).containsExactly(deal);
        stores.recentViews().delete(RecentView.idOf("u1", deal), 1);
        assertThat(recentOf("u1", 10)).containsExactly(ada, acme);
        assertThat(stores.recentViews().findById(again.id()).orElseThrow().viewedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void savedViewsAreFoundByListAndOwnerAndByListAndSharing() {
        stores.savedViews().insert(new com.litedesk.ports.crm.SavedView("v1", 1, "u1", "contacts", "Mine", "q=a", false, T0, T0));
        stores.savedViews().insert(new com.litedesk.ports.crm.SavedView("v2", 1, "u2", "contacts", "Shared", "", true, T0, T0));
        stores.savedViews().insert(new com.litedesk.ports.crm.SavedView("v3", 1, "u1", "companies", "Other list", "", true, T0, T0));
        assertThat(stores.savedViews().list(Query.where(List.of(Condition.eq("list", "contacts"), Condition.eq("userId", "u1")), 10)).items())
                .extracting(com.litedesk.ports.crm.SavedView::id).containsExactly("v1");
        assertThat(stores.savedViews().list(Query.where(List.of(Condition.eq("list", "contacts"), Condition.eq("shared", true)), 10)).items())
                .extracting(com.litedesk.ports.crm.SavedView::id).containsExactly("v2");
        assertThat(stores.savedViews().count(List.of(Condition.eq("list", "companies"), Condition.eq("userId", "u1")))).isEqualTo(1);
        stores.savedViews().delete("v1", 1);
        assertThat(stores.savedViews().findById("v1")).isEmpty();
    }

    @Test
    void customFieldValuesAreFilteredByTheirTypeNumbersTrueFalseDatesAndText() {
        stores.contacts().insert(contact("c1", "Ada", "Lovelace", "ada@example.com", List.of()));
        Contact plain = contact("c2", "Grace", "Hopper", "grace@example.com", List.of());
        stores.contacts().insert(new Contact("c2", 1, "Grace", "Hopper", plain.emails(), plain.phones(), null, null, List.of(), "owner", "team",
                Map.of("score", new BigDecimal("12"), "vip", false, "since", "2024-06-01", "tier", "gold"), T0, "creator", T0, "creator"));
        java.util.function.Function<Condition, List<String>> ids = c -> stores.contacts().list(Query.where(List.of(c), 10)).items().stream()
                .map(Contact::id).toList();
        assertThat(ids.apply(Condition.of("customFields.score", Operator.GTE, new BigDecimal("5")))).containsExactly("c2");
        assertThat(ids.apply(Condition.of("customFields.score", Operator.LT, new BigDecimal("5")))).containsExactly("c1");
        assertThat(ids.apply(Condition.eq("customFields.score", new BigDecimal("4.5")))).containsExactly("c1");
        assertThat(ids.apply(Condition.eq("customFields.vip", true))).containsExactly("c1");
        assertThat(ids.apply(Condition.eq("customFields.vip", false))).containsExactly("c2");
        assertThat(ids.apply(Condition.of("customFields.since", Operator.GTE, LocalDate.parse("2021-01-01")))).containsExactly("c2");
        assertThat(ids.apply(Condition.eq("customFields.tier", "gold"))).containsExactly("c2");
        assertThat(ids.apply(Condition.of("customFields.tier", Operator.PREFIX, "go"))).containsExactly("c2");
        assertThat(ids.apply(Condition.eq("customFields.tier", null))).containsExactly("c1");
        assertThat(stores.contacts().count(List.of(Condition.of("customFields.score", Operator.GT, BigDecimal.ZERO)))).isEqualTo(2);
    }

    @Test
    void aDeletedRecordKeepsEveryPlainValueAndListsOldestFirstFromItsIndex() {
        Map<String, Object> fields = Map.of("id", "c1", "version", new BigDecimal("3"), "firstName", "Ada",
                "emails", List.of("ada@example.com", "ada@work.example"), "value", new BigDecimal("12500.50"),
                "address", Map.of("city", "London", "postalCode", "N1"), "customFields", Map.of("vip", true, "score", new BigDecimal("4.5")),
                "createdAt", "2026-01-02T03:04:05.678Z", "linked", List.of(Map.of("type", "DEAL", "id", "d1")));
        var older = new com.litedesk.ports.crm.DeletedRecord("c1", 1, RecordType.CONTACT, fields,
                T0.plusSeconds(1), "u1");
        var newer = new com.litedesk.ports.crm.DeletedRecord("d9", 1, RecordType.DEAL, Map.of("title", "Big deal"),
                T0.plusSeconds(9), "u2");
        stores.deletedRecords().insert(newer);
        stores.deletedRecords().insert(older);
        assertThat(stores.deletedRecords().findById("c1")).contains(older);
        fails(() -> stores.deletedRecords().insert(older), ErrorCode.CONFLICT);
        Query oldestFirst = new Query(List.of(Condition.of("deletedAt", Operator.LT, T0.plusSeconds(5))), List.of(SortKey.asc("deletedAt")), null, 10);
        assertThat(stores.deletedRecords().list(oldestFirst).items()).extracting(com.litedesk.ports.crm.DeletedRecord::id).containsExactly("c1");
        stores.deletedRecords().delete("c1", 1);
        assertThat(stores.deletedRecords().findById("c1")).isEmpty();
    }

    private static RecentView view(String userId, RecordRef record, int second) {
        return new RecentView(RecentView.idOf(userId, record), 1, userId, record, T0.plusSeconds(second));
    }

    private List<RecordRef> recentOf(String userId, int limit) {
        return stores.recentViews().list(new Query(List.of(Condition.eq("userId", userId)), List.of(SortKey.desc("viewedAt")), null, limit))
                .items().stream().map(RecentView::record).toList();
    }

    private static AuditEntry entry(long seq) {
        return new AuditEntry(AuditEntry.idOf(seq), 0, seq, T0.plusSeconds(seq), "u1", "contact.update",
                new RecordRef(RecordType.CONTACT, "c" + seq), AuditOutcome.SUCCESS, Map.of("a", "1"), Map.of("a", "2"), "req", "prev", "hash" + seq);
    }

    private static Activity activity(String id, ActivityType type, String contactId, String ownerId, Instant at, Integer minutes) {
        return new Activity(id, 1, type, "About " + id, type == ActivityType.EMAIL ? null : "Notes of " + id, at, minutes,
                minutes == null ? null : "Left a voicemail", new RecordRef(RecordType.CONTACT, contactId), ownerId, null, T0, ownerId, T0, ownerId);
    }

    @Test
    void activitiesRoundTripAndListByLinkedRecordNewestFirst() {
        stores.activities().insert(activity("a1", ActivityType.CALL, "c1", "u1", T0, 15));
        stores.activities().insert(activity("a2", ActivityType.EMAIL, "c1", "u2", T0.plusSeconds(60), null));
        stores.activities().insert(activity("a3", ActivityType.MEETING, "c2", "u1", T0.plusSeconds(30), 45));
        assertThat(stores.activities().findById("a1")).contains(activity("a1", ActivityType.CALL, "c1", "u1", T0, 15));
        assertThat(stores.activities().findById("a2").orElseThrow().durationMinutes()).isNull();

        List<String> aboutC1 = stores.activities().list(new Query(List.of(Condition.eq("linkedRecord.type", RecordType.CONTACT),
                Condition.eq("linkedRecord.id", "c1")), List.of(SortKey.desc("occurredAt")), null, 10)).items().stream().map(Activity::id).toList();
        assertThat(aboutC1).containsExactly("a2", "a1");
        assertThat(stores.activities().count(List.of(Condition.eq("ownerId", "u1")))).isEqualTo(2);
        assertThat(stores.activities().count(List.of(Condition.eq("type", ActivityType.MEETING)))).isEqualTo(1);
        assertThat(stores.activities().list(new Query(List.of(new Condition.Matches("about a3")), List.of(), null, 10)).items())
                .extracting(Activity::id).containsExactly("a3");

        Activity edited = new Activity("a1", 2, ActivityType.CALL, "Call back", null, T0, 20, "Reached", new RecordRef(RecordType.CONTACT, "c1"),
                "u1", null, T0, "u1", T0.plusSeconds(90), "u1");
        stores.activities().replace(edited, 1);
        assertThat(stores.activities().findById("a1")).contains(edited);
        fails(() -> stores.activities().delete("a1", 1), ErrorCode.PRECONDITION_FAILED);
        stores.activities().delete("a1", 2);
        assertThat(stores.activities().findById("a1")).isEmpty();
    }

    private static Notification notification(String id, String userId, boolean read, Instant at) {
        return new Notification(id, 1, userId, NotificationKind.TASK_DUE, "Task due today: " + id, "Call Ada back",
                new RecordRef(RecordType.TASK, "t-" + id), read, at, read ? at : null);
    }

    @Test
    void notificationsAreOneInsertPerChosenIdAndCountUnreadPerUser() {
        stores.notifications().insert(notification("reminder-t1-2026-01-02", "u1", false, T0));
        fails(() -> stores.notifications().insert(notification("reminder-t1-2026-01-02", "u1", false, T0.plusSeconds(60))), ErrorCode.CONFLICT);
        stores.notifications().insert(notification("n2", "u1", true, T0.plusSeconds(10)));
        stores.notifications().insert(notification("n3", "u2", false, T0.plusSeconds(20)));
        assertThat(stores.notifications().findById("reminder-t1-2026-01-02")).contains(notification("reminder-t1-2026-01-02", "u1", false, T0));

        List<String> mine = stores.notifications().list(new Query(List.of(Condition.eq("userId", "u1")), List.of(SortKey.desc("createdAt")), null, 10))
                .items().stream().map(Notification::id).toList();
        assertThat(mine).containsExactly("n2", "reminder-t1-2026-01-02");
        assertThat(stores.notifications().count(List.of(Condition.eq("userId", "u1"), Condition.eq("read", false)))).isEqualTo(1);

        Notification read = stores.notifications().findById("reminder-t1-2026-01-02").orElseThrow().markedRead(T0.plusSeconds(99));
        stores.notifications().replace(read, 1);
        assertThat(stores.notifications().findById(read.id())).contains(read);
        assertThat(stores.notifications().count(List.of(Condition.eq("userId", "u1"), Condition.eq("read", false)))).isZero();
    }
}
