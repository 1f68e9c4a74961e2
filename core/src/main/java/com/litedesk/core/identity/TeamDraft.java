package com.litedesk.core.identity;

/** The editable fields of a team. Members join by setting their {@code teamId}. */
public record TeamDraft(String name) {
}
