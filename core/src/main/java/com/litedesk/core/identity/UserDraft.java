package com.litedesk.core.identity;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.Role;

/** The editable fields of a user. Role OWNER cannot be given here: ownership is transferred. */
public record UserDraft(@MaxLength(100) String name, @Nullable Role role, @Nullable String teamId, @Nullable Boolean active) {
}
