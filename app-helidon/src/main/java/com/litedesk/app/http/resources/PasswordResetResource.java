package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.identity.PasswordResets;
import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * "Forgot password" on an instance: {@code /api/auth/forgot-password} answers every well-formed address alike (202),
 * and mails a one-time link to the account that has it; {@code /api/auth/reset-password} sets the new password with
 * that link.
 */
public final class PasswordResetResource implements HttpService {

    public record ForgotPassword(@Nullable @MaxLength(254) String email) {
    }

    /** The same answer whether or not an account has the address. */
    public record ResetRequested(String message) {
        static final ResetRequested SAME = new ResetRequested(
                "If an account has this address, a link to choose a new password is on its way there; it works once, for an hour.");
    }

    public record ResetPassword(@Nullable @MaxLength(200) String token, @Nullable @MaxLength(200) String password) {
    }

    private final Api api;
    private final PasswordResets resets;

    public PasswordResetResource(Api api, PasswordResets resets) {
        this.api = api;
        this.resets = resets;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.post("/api/auth/forgot-password", "Ask for a password-reset link: the same answer for every address; "
                        + "the link is mailed to the account's address only (at most 3 an hour per address)").open().id("forgotPassword")
                .body(ForgotPassword.class).returns(ResetRequested.class).accepted(), call -> {
            resets.request(call.body(ForgotPassword.class).email(), call.requestId());
            return Reply.accepted(ResetRequested.SAME);
        });
        api.route(rules, Route.post("/api/auth/reset-password", "Choose a new password with the one-time link of a reset mail; "
                        + "every session of the account ends").open().id("resetPassword").body(ResetPassword.class)
                .returns(AuthResource.PasswordSet.class), call -> {
            ResetPassword reset = call.body(ResetPassword.class);
            resets.reset(reset.token(), reset.password(), call.requestId());
            return Reply.ok(new AuthResource.PasswordSet(true));
        });
    }
}
