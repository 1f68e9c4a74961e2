package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.core.identity.Authentication;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;

/** Login, token refresh, logout, who am I, password change and set-password, under {@code <prefix>/auth}. */
public final class AuthResource implements HttpService {

    public record Login(String email, String password) {
    }

    public record Refresh(String refreshToken) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record SetPassword(String token, String password) {
    }

    private final Api api;
    private final Authentication auth;
    private final String base;

    /** @param prefix {@code /api} on an instance, {@code /api/admin} on the control plane */
    public AuthResource(Api api, Authentication auth, String prefix) {
        this.api = api;
        this.auth = auth;
        this.base = prefix + "/auth";
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.POST, base + "/login", "Log in: an access token (15 min) and a refresh token", false, call -> {
            Login login = call.body(Login.class);
            return Reply.ok(auth.login(login.email(), login.password(), call.requestId()));
        });
        api.route(rules, Method.POST, base + "/refresh", "Trade a refresh token for new tokens (single use; reuse ends the session)", false,
                call -> Reply.ok(auth.refresh(call.body(Refresh.class).refreshToken())));
        api.route(rules, Method.POST, base + "/logout", "End the session of a refresh token", false, call -> {
            auth.logout(call.body(Refresh.class).refreshToken());
            return Reply.noContent();
        });
        api.route(rules, Method.GET, base + "/me", "The logged-in user", call -> Reply.ok(auth.me(call.actor())));
        api.route(rules, Method.POST, base + "/password", "Change my password (ends my other sessions)", call -> {
            PasswordChange change = call.body(PasswordChange.class);
            auth.changePassword(call.actor(), change.currentPassword(), change.newPassword());
            return Reply.noContent();
        });
        api.route(rules, Method.POST, base + "/set-password", "Set a password with the one-time token of an invitation", false, call -> {
            SetPassword set = call.body(SetPassword.class);
            auth.setPassword(set.token(), set.password(), call.requestId());
            return Reply.ok(Map.of("passwordSet", true));
        });
    }
}
