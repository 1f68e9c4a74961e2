package com.litedesk.core.identity;

import com.litedesk.ports.identity.Role;

/** A user to add: with a password the account works at once, without one an invitation is mailed. */
public record NewUser(String email, String name, Role role, String teamId, String password) {
}
