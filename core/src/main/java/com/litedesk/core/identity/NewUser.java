package com.litedesk.core.identity;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.Role;

/** A user to add: with a password the account works at once, without one an invitation is mailed. */
public record NewUser(
        @MaxLength(254) String email,
        @MaxLength(100) String name,
        @Nullable Role role,
        @Nullable String teamId,
        @Nullable String password) {
}
