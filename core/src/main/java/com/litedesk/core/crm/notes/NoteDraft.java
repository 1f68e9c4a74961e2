package com.litedesk.core.crm.notes;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.RecordRef;

/** A note as a client writes it: text about a contact, company or deal. */
public record NoteDraft(@MaxLength(10000) String text, RecordRef target, @Nullable String ownerId) {
}
