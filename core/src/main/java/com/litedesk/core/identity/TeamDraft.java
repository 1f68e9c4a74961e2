package com.litedesk.core.identity;

import com.litedesk.ports.contract.MaxLength;

/** The editable fields of a team. Members join by setting their {@code teamId}. */
public record TeamDraft(@MaxLength(100) String name) {
}
