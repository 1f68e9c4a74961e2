package com.litedesk.app.http.resources;

import com.litedesk.app.csv.CsvStreams;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.Items;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.timeline.TimelineItem;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.crm.RecordType;
import io.helidon.webserver.http.HttpRules;
import java.util.function.Consumer;

/**
 * The routes every owned CRM record has: list (filter, sort, search, cursor), create, read,
 * partial update (JSON merge patch, If-Match), delete and restore, CSV export and the record's timeline.
 * Record-specific routes are added by {@code extra}, registered before {id} so they win.
 */
public final class RecordResource<T extends Record & Owned, D> {

    private final Api api;
    private final LiteDesk crm;
    private final OwnedRecords<T, D> records;
    private final Class<T> recordType;
    private final Class<D> draftType;
    private final RecordType type;
    private final String base;
    private final boolean hasTimeline;

    public RecordResource(Api api, LiteDesk crm, OwnedRecords<T, D> records, Class<T> recordType, Class<D> draftType, RecordType type,
                          String base, boolean hasTimeline) {
        this.api = api;
        this.crm = crm;
        this.records = records;
        this.recordType = recordType;
        this.draftType = draftType;
        this.type = type;
        this.base = base;
        this.hasTimeline = hasTimeline;
    }

    private static String plural(String word) {
        return word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }

    public void routing(HttpRules rules, Consumer<HttpRules> extra) {
        String noun = type.name().toLowerCase();
        String nouns = plural(noun);
        String name = recordType.getSimpleName();
        String names = plural(name);
        api.route(rules, Route.get(base, "List " + nouns + " (filter, sort, q, cursor, limit)").id("list" + names)
                        .listed().returns(Route.pageOf(recordType)),
                call -> Reply.ok(records.list(call.actor(), call.listRequest())));
        api.route(rules, Route.post(base, "Create a " + noun).id("create" + name).body(draftType).returns(recordType).created().etag(),
                call -> {
                    T created = records.create(call.actor(), call.body(draftType));
                    return Reply.created(created, base + "/" + created.id()).withVersion(created.version());
                });
        api.stream(rules, Route.get(base + "/export", "Export " + nouns + " as CSV (same filter, sort and q as the list)")
                        .id("export" + names).query(Route.LIST.get(0), Route.LIST.get(1), Route.LIST.get(2)).returnsCsv(),
                (call, res) -> CsvStreams.export(crm.exports(), call.actor(), type, call.listRequest(), nouns, res));
        extra.accept(rules);
        api.route(rules, Route.get(base + "/{id}", "Read a " + noun).id("get" + name).returns(recordType).etag(), call -> {
            T record = records.get(call.actor(), call.path("id"));
            return Reply.ok(record).withVersion(record.version());
        });
        api.route(rules, Route.patch(base + "/{id}", "Change a " + noun + " (JSON merge patch; If-Match with the ETag)").id("update" + name)
                .mergePatch(draftType).ifMatch().returns(recordType).etag(), call -> {
            try {
                // without If-Match a concurrent change is merged: the patch is applied again to the newer record
                T updated = records.update(call.actor(), call.path("id"), call.ifMatch(), draft -> {
                    try {
                        return call.patch(draft, draftType);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                return Reply.ok(updated).withVersion(updated.version());
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        });
        api.route(rules, Route.delete(base + "/{id}", "Delete a " + noun + " (If-Match with the ETag)").id("delete" + name)
                .ifMatch().noContent(), call -> {
            records.delete(call.actor(), call.path("id"), call.ifMatch());
            return Reply.noContent();
        });
        api.route(rules, Route.post(base + "/{id}/restore", "Bring back a deleted " + noun + " as it was, under its id (within "
                        + OwnedRecords.KEPT_FOR.toDays() + " days of the delete; whoever may delete it)").id("restore" + name)
                .returns(recordType).etag(), call -> {
            T restored = records.restore(call.actor(), call.path("id"));
            return Reply.ok(restored).withVersion(restored.version());
        });
        if (hasTimeline) {
            api.route(rules, Route.get(base + "/{id}/timeline", "The " + noun + "'s activities, notes, tasks and changes, newest first")
                            .id("get" + name + "Timeline").query(Route.Param.number("limit", "How many items", 1, 200, 100))
                            .returns(Route.itemsOf(TimelineItem.class)),
                    call -> Reply.ok(new Items<>(crm.timeline().of(call.actor(), type, call.path("id"),
                            call.limit(100)))));
        }
    }
}
