package com.litedesk.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.core.access.Actor;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.crm.activities.Activities;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.crm.deals.Deals;
import com.litedesk.core.crm.notes.Notes;
import com.litedesk.core.crm.tasks.Tasks;
import com.litedesk.core.identity.Users;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.platform.demo.DemoRequests;
import com.litedesk.core.platform.instances.Instances;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EXPLAIN QUERY PLAN} for every default list, sort and filter of the API, every built-in view and the board, as
 * the core builds them: none may scan a whole table or sort its whole result — each is an index range read in order.
 */
class QueryPlansTest {

    @TempDir
    static Path dir;
    private static SqliteFiles files;
    private static SqliteDatabase db;
    private static final Actor USER = new Actor("u1", Role.USER, "team1", "req");

    @BeforeAll
    static void open() {
        files = new SqliteFiles(SqliteSettings.defaults());
        var store = files.openPlatform(dir.resolve("platform.db"));
        db = files.databaseOf(store);
    }

    @AfterAll
    static void close() {
        files.close();
    }

    private final Map<String, List<String>> failures = new LinkedHashMap<>();

    private List<String> plan(Table<?> table, Query query, boolean count) {
        SqlQuery q = count ? SqlQuery.count(table, query.where()) : SqlQuery.page(table, query);
        return db.read(conn -> {
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = conn.bind("EXPLAIN QUERY PLAN " + q.sql(), q.params()).executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
            return lines;
        });
    }

    private void check(String name, Table<?> table, Query query) {
        check(name, table, query, false);
    }

    private void check(String name, Table<?> table, Query query, boolean count) {
        check(name, table, query, count, false);
    }

    /** @param maySort a range filter with another order sorts the rows of its range (never the table) */
    private void check(String name, Table<?> table, Query query, boolean count, boolean maySort) {
        List<String> lines = plan(table, query, count);
        // a scan of a subquery's rows (a co-routine) is not a scan of a table
        java.util.Set<String> coroutines = new java.util.HashSet<>();
        lines.stream().filter(l -> l.startsWith("CO-ROUTINE ")).forEach(l -> coroutines.add(l.substring(11)));
        boolean scans = lines.stream().anyMatch(l -> l.startsWith("SCAN ") && !l.contains(" USING ") && !l.contains("VIRTUAL TABLE")
                && !coroutines.contains(l.substring(5)) && !l.startsWith("SCAN (subquery"));
        boolean sorts = lines.stream().anyMatch(l -> l.startsWith("USE TEMP B-TREE FOR ORDER BY") || l.startsWith("USE TEMP B-TREE FOR RIGHT PART"));
        if (scans || (sorts && !maySort)) {
            failures.put(name, lines);
        }
    }

    private void everyRangeFilter(String name, Table<?> table, FieldSet fields, String... filters) {
        for (String filter : filters) {
            check(name + " filter=" + filter, table, list(fields, filter, null, null, List.of()), false, true);
        }
    }

    private static Query list(FieldSet fields, String filter, String sort, String q, List<Condition> fixed) {
        return new ListQueries(fields).toQuery(new ListRequest(filter, sort, q, null, null), fixed);
    }

    /** A list's first page, then the page after a keyset (so that both the start and the cursor are planned). */
    private void listAndNext(String name, Table<?> table, Query first) {
        check(name, table, first);
        if (!first.byRelevance()) {
            List<Object> after = new ArrayList<>();
            first.sort().forEach(k -> after.add(k.field().equals("id") ? "x" : "m"));
            after.add("x");
            check(name + " (next page)", table, first.withAfter(after));
        }
    }

    private void everySort(String name, Table<?> table, FieldSet fields, String... sorts) {
        for (String sort : sorts) {
            listAndNext(name + " sort=" + sort, table, list(fields, null, sort, null, List.of()));
            listAndNext(name + " sort=-" + sort, table, list(fields, null, "-" + sort, null, List.of()));
        }
    }

    private void everyFilter(String name, Table<?> table, FieldSet fields, String... filters) {
        for (String filter : filters) {
            listAndNext(name + " filter=" + filter, table, list(fields, filter, null, null, List.of()));
        }
    }

    @Test
    void everyDefaultListSortFilterViewAndTheBoardReadsAnIndexInOrder() {
        // contacts
        listAndNext("contacts", Tables.CONTACTS, list(Contacts.FIELDS, null, null, null, List.of()));
        everySort("contacts", Tables.CONTACTS, Contacts.FIELDS, "lastName", "firstName", "updatedAt", "createdAt");
        everyFilter("contacts", Tables.CONTACTS, Contacts.FIELDS, "ownerId[eq]:\"u1\"", "companyId[eq]:\"co1\"", "teamId[eq]:\"t1\"",
                "tags[eq]:\"vip\"", "emails[eq]:\"ada@example.com\"");
        everyRangeFilter("contacts", Tables.CONTACTS, Contacts.FIELDS, "updatedAt[gte]:\"2026-01-01T00:00:00Z\"", "lastName[lt]:\"M\"");
        check("contacts search", Tables.CONTACTS, list(Contacts.FIELDS, null, null, "ada lov", List.of()), false, true); // ranks a bounded window of matches
        // the matches of a search in another order than relevance are sorted (they are never the whole table)
        check("contacts search sorted by name", Tables.CONTACTS, list(Contacts.FIELDS, null, "lastName", "ada", List.of()), false, true);
        check("contacts count", Tables.CONTACTS, Query.all(1), true);
        // companies
        listAndNext("companies", Tables.COMPANIES, list(Companies.FIELDS, null, null, null, List.of()));
        everySort("companies", Tables.COMPANIES, Companies.FIELDS, "name", "industry", "updatedAt");
        everyFilter("companies", Tables.COMPANIES, Companies.FIELDS, "ownerId[eq]:\"u1\"", "industry[eq]:\"Software\"", "domain[eq]:\"acme.com\"");
        check("companies search", Tables.COMPANIES, list(Companies.FIELDS, null, null, "acme", List.of()), false, true); // ranks a bounded window of matches
        // deals and the board
        listAndNext("deals", Tables.DEALS, list(Deals.FIELDS, null, null, null, List.of()));
        everySort("deals", Tables.DEALS, Deals.FIELDS, "title", "value", "expectedCloseDate", "updatedAt");
        everyFilter("deals", Tables.DEALS, Deals.FIELDS, "status[eq]:\"WON\"", "ownerId[eq]:\"u1\"", "companyId[eq]:\"co1\"",
                "contactIds[eq]:\"c1\"", "pipelineId[eq]:\"sales\"");
        everyRangeFilter("deals", Tables.DEALS, Deals.FIELDS, "value[gte]:1000", "expectedCloseDate[lt]:\"2026-07-01\"");
        check("deals search", Tables.DEALS, list(Deals.FIELDS, null, null, "renewal", List.of()), false, true); // ranks a bounded window of matches
        for (boolean desc : new boolean[] {false, true}) { // a stage's column of the board, its next page, a move's neighbours
            Query stage = new Query(List.of(Condition.eq("pipelineId", "sales"), Condition.eq("stageId", "lead")),
                    List.of(new SortKey("rank", desc)), null, 50);
            listAndNext("board stage rank desc=" + desc, Tables.DEALS, stage);
        }
        check("deal move neighbours", Tables.DEALS, new Query(List.of(Condition.eq("pipelineId", "sales"), Condition.eq("stageId", "lead"),
                Condition.of("id", Operator.NE, "d1")), List.of(SortKey.asc("rank")), null, 3));
        check("deals in a pipeline (delete check)", Tables.DEALS, Query.where(List.of(Condition.eq("pipelineId", "sales")), 1), true);
        check("deals in a stage (stage delete check)", Tables.DEALS, Query.where(List.of(Condition.eq("pipelineId", "sales"),
                Condition.eq("stageId", "lead")), 1), true);
        // tasks and their views
        listAndNext("tasks", Tables.TASKS, list(Tasks.FIELDS, null, null, null, List.of()));
        everySort("tasks", Tables.TASKS, Tasks.FIELDS, "dueDate", "priority", "title", "updatedAt");
        everyFilter("tasks", Tables.TASKS, Tasks.FIELDS, "status[eq]:\"DONE\"", "assigneeId[eq]:\"u1\"", "ownerId[eq]:\"u1\"");
        listAndNext("my open tasks", Tables.TASKS, list(Tasks.FIELDS, null, "dueDate", null, Tasks.myOpenConditions(USER)));
        listAndNext("overdue tasks", Tables.TASKS, list(Tasks.FIELDS, null, "dueDate", null, Tasks.overdueConditions(LocalDate.parse("2026-06-01"))));
        check("tasks of a record (timeline)", Tables.TASKS, new Query(List.of(Condition.eq("linkedRecord.type", RecordType.CONTACT),
                Condition.eq("linkedRecord.id", "c1")), List.of(SortKey.desc("id")), null, 50));
        check("open tasks (usage)", Tables.TASKS, Query.where(List.of(Condition.eq("status", com.litedesk.ports.crm.TaskStatus.OPEN)), 1), true);
        // notes
        listAndNext("notes", Tables.NOTES, list(Notes.FIELDS, null, null, null, List.of()));
        check("notes of a record (timeline)", Tables.NOTES, new Query(List.of(Condition.eq("target.type", RecordType.CONTACT),
                Condition.eq("target.id", "c1")), List.of(SortKey.desc("id")), null, 50));
        everyFilter("notes", Tables.NOTES, Notes.FIELDS, "target.id[eq]:\"c1\"", "ownerId[eq]:\"u1\"");
        // activities
        listAndNext("activities", Tables.ACTIVITIES, list(Activities.FIELDS, null, null, null, List.of()));
        listAndNext("activities of a record (page and timeline)", Tables.ACTIVITIES, list(Activities.FIELDS, null, "-occurredAt", null,
                Activities.linkedTo(new com.litedesk.ports.crm.RecordRef(RecordType.CONTACT, "c1"))));
        listAndNext("activities logged by a user", Tables.ACTIVITIES, list(Activities.FIELDS, null, "-occurredAt", null,
                List.of(Condition.eq("ownerId", "u1"))));
        everySort("activities", Tables.ACTIVITIES, Activities.FIELDS, "occurredAt", "type", "updatedAt");
        everyFilter("activities", Tables.ACTIVITIES, Activities.FIELDS, "type[eq]:\"CALL\"", "linkedRecord.id[eq]:\"c1\"", "ownerId[eq]:\"u1\"");
        // notifications
        check("notifications of a user (newest first)", Tables.NOTIFICATIONS, new Query(List.of(Condition.eq("userId", "u1")),
                List.of(SortKey.desc("createdAt")), null, 50));
        check("unread notifications of a user", Tables.NOTIFICATIONS, Query.where(List.of(Condition.eq("userId", "u1"),
                Condition.eq("read", false)), 200));
        check("unread count of a user", Tables.NOTIFICATIONS, Query.where(List.of(Condition.eq("userId", "u1"),
                Condition.eq("read", false)), 1), true);
        check("open tasks due by today (reminders)", Tables.TASKS, new Query(List.of(Condition.eq("status", com.litedesk.ports.crm.TaskStatus.OPEN),
                Condition.of("dueDate", Operator.LTE, LocalDate.parse("2026-06-01")), Condition.of("dueDate", Operator.NE, null)),
                List.of(), null, 200), false, true); // a range of the (status, dueDate) index, in id order
        // recent records
        listAndNext("a user's recent records", Tables.RECENT_VIEWS, new Query(List.of(Condition.eq("userId", "u1")),
                List.of(SortKey.desc("viewedAt")), null, 35));
        // saved views
        check("a user's saved views of a list", Tables.SAVED_VIEWS, Query.where(List.of(Condition.eq("list", "contacts"),
                Condition.eq("userId", "u1")), 100));
        check("the shared views of a list", Tables.SAVED_VIEWS, Query.where(List.of(Condition.eq("list", "contacts"),
                Condition.eq("shared", true)), 100));
        // what an instance's start looks for: won and lost deals without a close time
        check("closed deals without a close time", Tables.DEALS, Query.where(List.of(Condition.of("status", Operator.IN,
                List.of(DealStatus.WON, DealStatus.LOST)), Condition.eq("closedAt", null)), 200), false, true); // two ranges of an index, sorted by id
        // deleted records past keeping, oldest first
        check("deleted records kept too long", Tables.DELETED_RECORDS, new Query(List.of(Condition.of("deletedAt", Operator.LT,
                Instant.parse("2026-01-01T00:00:00Z"))), List.of(SortKey.asc("deletedAt")), null, 20));
        // dashboards: each read pages in id order through a range of an index (so may sort its page)
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        for (List<Condition> whose : List.of(List.<Condition>of(), List.of(Condition.eq("ownerId", "u1")), List.of(Condition.eq("teamId", "t1")))) {
            check("open deals of a pipeline " + whose, Tables.DEALS, Query.where(with(whose, Condition.eq("pipelineId", "sales"),
                    Condition.eq("status", DealStatus.OPEN)), 500), false, true);
            check("deals expected to close " + whose, Tables.DEALS, Query.where(with(whose, Condition.eq("status", DealStatus.OPEN),
                    Condition.of("expectedCloseDate", Operator.GTE, LocalDate.parse("2026-01-01")),
                    Condition.of("expectedCloseDate", Operator.LT, LocalDate.parse("2026-07-01"))), 500), false, true);
            check("deals closed in a period " + whose, Tables.DEALS, Query.where(with(whose, Condition.of("status", Operator.IN,
                    List.of(DealStatus.WON, DealStatus.LOST)), Condition.of("closedAt", Operator.GTE, start),
                    Condition.of("closedAt", Operator.LT, end)), 500), false, true);
            check("activities of a period " + whose, Tables.ACTIVITIES, Query.where(with(whose, Condition.of("occurredAt", Operator.GTE, start),
                    Condition.of("occurredAt", Operator.LT, end)), 500), false, true);
        }
        check("tasks completed in a period", Tables.TASKS, Query.where(List.of(Condition.eq("status", com.litedesk.ports.crm.TaskStatus.DONE),
                Condition.of("completedAt", Operator.GTE, start), Condition.of("completedAt", Operator.LT, end)), 500), false, true);
        // users
        listAndNext("users", Tables.USERS, list(Users.FIELDS, null, null, null, List.of()));
        everySort("users", Tables.USERS, Users.FIELDS, "name", "role");
        everyFilter("users", Tables.USERS, Users.FIELDS, "role[eq]:\"OWNER\"", "teamId[eq]:\"t1\"");
        check("team members", Tables.USERS, Query.where(List.of(Condition.eq("teamId", "t1"), Condition.eq("active", true)), 200));
        check("active seats", Tables.USERS, Query.where(List.of(Condition.eq("active", true)), 1), true);
        check("the Owner", Tables.USERS, Query.where(List.of(Condition.eq("role", Role.OWNER)), 1));
        // audit
        listAndNext("audit (newest first)", Tables.AUDIT, list(AuditLog.FIELDS, null, "-createdAt", null, List.of()));
        check("audit of a record", Tables.AUDIT, new Query(List.of(Condition.eq("record.type", RecordType.CONTACT), Condition.eq("record.id", "c1")),
                List.of(SortKey.desc("id")), null, 50));
        everyFilter("audit", Tables.AUDIT, AuditLog.FIELDS, "actorId[eq]:\"u1\"", "action[eq]:\"contact.update\"", "record.id[eq]:\"c1\"");
        check("audit head", Tables.AUDIT, new Query(List.of(), List.of(SortKey.desc("id")), null, 1));
        // control plane
        listAndNext("instances (newest first)", Tables.INSTANCES, list(Instances.FIELDS, null, "-createdAt", null, List.of()));
        everySort("instances", Tables.INSTANCES, Instances.FIELDS, "name", "subdomain", "planId", "state", "readyAt");
        everyFilter("instances", Tables.INSTANCES, Instances.FIELDS, "state[eq]:\"READY\"", "planId[eq]:\"trial\"", "customerId[eq]:\"c1\"");
        check("instances search", Tables.INSTANCES, list(Instances.FIELDS, null, null, "acme", List.of()), false, true); // ranks a bounded window of matches
        listAndNext("demo requests (newest first)", Tables.DEMO_REQUESTS, list(DemoRequests.FIELDS, null, "-createdAt", null, List.of()));
        everyFilter("demo requests", Tables.DEMO_REQUESTS, DemoRequests.FIELDS, "state[eq]:\"NEW\"", "subdomain[eq]:\"acme\"");
        check("backups of an instance", Tables.BACKUPS, new Query(List.of(Condition.eq("instanceId", "i1")), List.of(SortKey.desc("id")), null, 1000));
        check("backups by age", Tables.BACKUPS, new Query(List.of(), List.of(SortKey.desc("createdAt")), null, 1000));
        check("outbox (newest first)", Tables.OUTBOX, new Query(List.of(), List.of(SortKey.desc("sentAt"), SortKey.desc("id")), null, 50));
        check("trials", Tables.SUBSCRIPTIONS, Query.where(List.of(Condition.eq("status", com.litedesk.ports.platform.SubscriptionStatus.TRIALING)), 100));
        check("refresh token family", Tables.REFRESH_TOKENS, Query.where(List.of(Condition.eq("familyId", "f1")), 100));
        check("refresh tokens of a user", Tables.REFRESH_TOKENS, Query.where(List.of(Condition.eq("userId", "u1")), 100));

        assertThat(failures).as("queries that scan a table or sort their result (with their plans)").isEmpty();
    }

    private static List<Condition> with(List<Condition> whose, Condition... more) {
        List<Condition> all = new java.util.ArrayList<>(whose);
        all.addAll(List.of(more));
        return all;
    }
}
