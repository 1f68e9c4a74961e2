package com.litedesk.core.identity;

import com.litedesk.ports.identity.Role;

/** The editable fields of a user. Role OWNER cannot be given here: ownership is transferred. */
public record UserDraft(String name, Role role, String teamId, Boolean active) {
}
