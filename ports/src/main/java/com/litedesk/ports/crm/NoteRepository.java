package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Note} records. */
public interface NoteRepository extends Repository<Note> {
}
