package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.core.LiteDesk;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;

/** Login, token refresh, logout, who am I, password change and set-password. */
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
    private final LiteDesk crm;

    public AuthResource(Api api, LiteDesk crm) {
        this.api = api;
        this.crm = crm;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.POST, "/api/auth/login", "Log in: an access token (15 min) and a refresh token", false, call -> {
            Login login = call.body(Login.class);
            return Reply.ok(crm.auth().login(login.email(), login.password(), call.requestId()));
        });
        api.route(rules, Method.POST, "/api/auth/refresh", "Trade a refresh token for new tokens (single use; reuse ends the session)", false,
                call -> Reply.ok(crm.auth().refresh(call.body(Refresh.class).refreshToken())));
        api.route(rules, Method.POST, "/api/auth/logout", "End the session of a refresh token", false, call -> {
            crm.auth().logout(call.body(Refresh.class).refreshToken());
            return Reply.noContent();
        });
        api.route(rules, Method.GET, "/api/auth/me", "The logged-in user", call -> Reply.ok(crm.auth().me(call.actor())));
        api.route(rules, Method.POST, "/api/auth/password", "Change my password (ends my other sessions)", call -> {
            PasswordChange change = call.body(PasswordChange.class);
            crm.auth().changePassword(call.actor(), change.currentPassword(), change.newPassword());
            return Reply.noContent();
        });
        api.route(rules, Method.POST, "/api/auth/set-password", "Set a password with the one-time token of an invitation", false, call -> {
            SetPassword set = call.body(SetPassword.class);
            crm.auth().setPassword(set.token(), set.password(), call.requestId());
            return Reply.ok(Map.of("passwordSet", true));
        });
    }
}
