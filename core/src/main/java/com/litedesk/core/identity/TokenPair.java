package com.litedesk.core.identity;

/** What a login or refresh returns: a short-lived access token and a single-use refresh token. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
}
