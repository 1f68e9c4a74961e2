package com.litedesk.app.http.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.Call;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.identity.TokenPair;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.User;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Login, token refresh, logout, who am I, password change and set-password, under {@code <prefix>/auth}. Login and
 * refresh answer with an access token and set the refresh token as a {@link SessionCookie}; the answer carries the
 * refresh token too, for clients other than browsers, which send it back in the body of refresh and logout.
 */
public final class AuthResource implements HttpService {

    public record Login(String email, String password) {
    }

    /** Refresh and logout: the refresh token, or nothing when the session cookie holds it. */
    public record Refresh(@Nullable String refreshToken) {
    }

    /** What login and refresh answer; {@code refreshToken} is left out for browsers, which keep it as the cookie. */
    public record Session(String accessToken, @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken, long expiresIn) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record SetPassword(String token, String password) {
    }

    /** The answer of a set-password. */
    public record PasswordSet(boolean passwordSet) {
    }

    private final Api api;
    private final Authentication auth;
    private final String base;
    private final SessionCookie cookie;

    /** @param prefix {@code /api} on an instance, {@code /api/admin} on the control plane */
    public AuthResource(Api api, Authentication auth, String prefix) {
        this.api = api;
        this.auth = auth;
        this.base = prefix + "/auth";
        this.cookie = new SessionCookie(base);
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.post(base + "/login",
                        "Log in: an access token (15 min), and a refresh token as an HttpOnly cookie (and in the answer, but not to browsers)")
                .open().id("login").sessionCookie().body(Login.class).returns(Session.class).problems(403, 423), call -> {
            cookie.requireSameOrigin(call);
            Login login = call.body(Login.class);
            return session(call, auth.login(login.email(), login.password(), call.clientAddress(), call.requestId()));
        });
        api.route(rules, Route.post(base + "/refresh",
                        "Trade the refresh token (in the body, or the session cookie with the X-CSRF header) for new tokens; single use, reuse ends the session")
                .open().id("refreshTokens").sessionCookie().optionalBody(Refresh.class).returns(Session.class).problems(401, 403), call -> {
            cookie.requireSameOrigin(call);
            return session(call, auth.refresh(refreshToken(call)));
        });
        api.route(rules, Route.post(base + "/logout",
                        "End the session of the refresh token (in the body, or the session cookie with the X-CSRF header); its access tokens stop working")
                .open().id("logout").sessionCookie().optionalBody(Refresh.class).noContent().problems(403), call -> {
            cookie.requireSameOrigin(call);
            auth.logout(refreshToken(call));
            return Reply.noContent().withCookies(cookie.clear(call));
        });
        api.route(rules, Route.get(base + "/me", "The logged-in user").id("getMe").returns(User.class), call -> Reply.ok(auth.me(call.actor())));
        api.route(rules, Route.post(base + "/password", "Change my password (ends my other sessions at once)").id("changePassword")
                .body(PasswordChange.class).noContent(), call -> {
            PasswordChange change = call.body(PasswordChange.class);
            auth.changePassword(call.actor(), change.currentPassword(), change.newPassword());
            return Reply.noContent();
        });
        api.route(rules, Route.post(base + "/set-password", "Set a password with the one-time token of an invitation").open()
                .id("setPassword").body(SetPassword.class).returns(PasswordSet.class), call -> {
            SetPassword set = call.body(SetPassword.class);
            auth.setPassword(set.token(), set.password(), call.requestId());
            return Reply.ok(new PasswordSet(true));
        });
    }

    /** The refresh token of the body, else the cookie's (the cookie only with the anti-forgery header), else null. */
    private String refreshToken(Call call) throws java.io.IOException {
        String given = call.optionalBody(Refresh.class, new Refresh(null)).refreshToken();
        if (given != null) {
            return given;
        }
        String kept = cookie.read(call);
        if (kept != null) {
            cookie.requireCsrfHeader(call);
        }
        return kept;
    }

    private Reply session(Call call, TokenPair pair) {
        String refresh = SessionCookie.fromBrowser(call) ? null : pair.refreshToken();
        return Reply.ok(new Session(pair.accessToken(), refresh, pair.expiresIn())).withCookies(cookie.set(call, pair.refreshToken()));
    }
}
