package com.litedesk.core.crm.notes;

import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.core.records.RecordBase;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.NoteRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.util.List;

/** Use cases of notes. A note's target cannot change: write a new note instead. */
public final class Notes extends OwnedRecords<Note, NoteDraft> {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("target.id").enumeration("target.type", RecordType.class).text("ownerId").text("teamId")
            .fullTextSearch()
            .build();

    private final LinkedRecords links;

    public Notes(RecordContext context, NoteRepository notes, LinkedRecords links) {
        super(context, notes, Resource.NOTES, RecordType.NOTE, FIELDS);
        this.links = links;
    }

    @Override
    protected Note build(NoteDraft d, RecordBase b) {
        Validation v = new Validation();
        String text = v.required("text", d.text(), 10_000);
        links.checkTarget(v, "target", d.target(), true);
        v.throwIfInvalid();
        return new Note(b.id(), b.version(), text, d.target(), b.ownerId(), b.teamId(), b.createdAt(), b.createdBy(),
                b.updatedAt(), b.updatedBy());
    }

    @Override
    protected Note prepareUpdate(com.litedesk.core.access.Actor actor, Note current, NoteDraft draft) {
        if (draft.target() != null && !draft.target().equals(current.target())) {
            throw com.litedesk.ports.LiteDeskException.invalid("target", "a note cannot move to another record");
        }
        return super.prepareUpdate(actor, current, new NoteDraft(draft.text(), current.target(), draft.ownerId()));
    }

    @Override
    protected String requestedOwner(NoteDraft draft) {
        return draft.ownerId();
    }

    @Override
    public NoteDraft draftOf(Note n) {
        return new NoteDraft(n.text(), n.target(), n.ownerId());
    }

    /** Notes about a record, newest first. */
    public List<Note> about(RecordRef ref, int limit) {
        return repository.list(new Query(List.of(Condition.eq("target.type", ref.type()), Condition.eq("target.id", ref.id())),
                List.of(SortKey.desc("id")), null, limit)).items();
    }
}
