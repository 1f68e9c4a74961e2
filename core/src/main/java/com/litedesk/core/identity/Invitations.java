package com.litedesk.core.identity;

import com.litedesk.core.support.RandomTokens;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.identity.OneTimeTokenRepository;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Mails a one-time set-password link; only the token's hash is stored. */
public final class Invitations {

    static final String SET_PASSWORD = "SET_PASSWORD";
    private static final Duration VALIDITY = Duration.ofDays(7);

    private final OneTimeTokenRepository tokens;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;
    private final String instanceName;
    private final RandomTokens random = new RandomTokens();

    /** A new one-time set-password link for {@code user}, valid for 7 days; earlier links stay valid. */
    public String link(User user) {
        String token = random.next();
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        tokens.insert(new OneTimeToken(Sha256.hex(token), 1, user.id(), SET_PASSWORD, now.plus(VALIDITY), null));
        return publicUrl + "/set-password?token=" + token;
    }

    public Invitations(OneTimeTokenRepository tokens, Mailer mailer, Clock clock, String publicUrl, String instanceName) {
        this.tokens = tokens;
        this.mailer = mailer;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.instanceName = instanceName;
    }

    public void invite(User user) {
        String link = link(user);
        mailer.send(new Mail(user.email(), "You are invited to " + instanceName,
                "Hello " + user.name() + ",\n\nyou have an account on " + instanceName + " (" + user.role() + ").\n"
                        + "Choose your password here (the link works once, for 7 days):\n\n" + link + "\n"));
    }
}
