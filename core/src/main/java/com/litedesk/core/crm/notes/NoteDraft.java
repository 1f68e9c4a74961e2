package com.litedesk.core.crm.notes;

import com.litedesk.ports.crm.RecordRef;

/** A note as a client writes it: text about a contact, company or deal. */
public record NoteDraft(String text, RecordRef target, String ownerId) {
}
