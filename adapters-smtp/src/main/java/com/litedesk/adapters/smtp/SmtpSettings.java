package com.litedesk.adapters.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how mail is handed to an SMTP server.
 *
 * @param security {@link Security#STARTTLS} (port 587: plain connection upgraded to TLS, required), {@link Security#TLS}
 *                 (port 465: TLS from the first byte) or {@link Security#NONE} (a relay on a trusted network only)
 * @param username null to send without authentication
 * @param from     the sender of every mail: an address, optionally with a name ({@code Acme CRM <crm@acme.example>})
 * @param timeout  how long connecting, and each read and write, may take
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
                           Duration timeout) {

    /** How the connection to the server is protected. */
    public enum Security {
        NONE, STARTTLS, TLS
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** What {@link #password} holds is never printed. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
