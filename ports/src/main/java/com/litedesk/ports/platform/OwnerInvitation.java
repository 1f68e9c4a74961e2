package com.litedesk.ports.platform;

/**
 * The result of asking an instance to invite its Owner: the one-time set-password link, or null when the
 * Owner has already set a password (nothing to send).
 */
public record OwnerInvitation(String ownerId, String setPasswordLink) {
}
