package com.litedesk.adapters.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server on loopback that keeps what it is given: the envelope (MAIL FROM, RCPT TO), the credentials of
 * AUTH PLAIN / LOGIN and the message as sent. It offers AUTH, and STARTTLS only when told to (without being able to
 * start it); {@link #refuseNext} makes it answer the next DATA with a temporary failure.
 */
public final class SmtpStandIn implements AutoCloseable {

    /** One mail as received. */
    public record Received(String mailFrom, List<String> rcptTo, String authenticatedAs, String password, String data) {
        /** The message's body: what follows the blank line after the headers, with dot-stuffing undone. */
        public String body() {
            int at = data.indexOf("\r\n\r\n");
            return at < 0 ? "" : data.substring(at + 4);
        }

        /** A header's value as sent (unfolded), or null. */
        public String header(String name) {
            String headers = data.substring(0, Math.max(0, data.indexOf("\r\n\r\n"))).replace("\r\n ", " ").replace("\r\n\t", " ");
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final List<String> commands = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread acceptor;
    private final boolean offerStartTls;
    private volatile boolean refuseNext;

    private SmtpStandIn(boolean offerStartTls) throws IOException {
        this.offerStartTls = offerStartTls;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    public static SmtpStandIn start() throws IOException {
        return new SmtpStandIn(false);
    }

    /** A server that advertises STARTTLS (and cannot do it): what a client that requires TLS must not send to in clear. */
    public static SmtpStandIn offeringStartTls() throws IOException {
        return new SmtpStandIn(true);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next DATA is answered 451: the server cannot take the mail now. */
    public void refuseNext() {
        refuseNext = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 stand-in ESMTP");
            String from = null;
            List<String> to = new ArrayList<>();
            String user = null;
            String password = null;
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250-stand-in\r\n250-8BITMIME\r\n" + (offerStartTls ? "250-STARTTLS\r\n" : "") + "250 AUTH PLAIN LOGIN");
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String encoded = line.length() > 11 ? line.substring(11).strip() : null;
                    if (encoded == null || encoded.isEmpty()) {
                        reply(out, "334 ");
                        encoded = in.readLine();
                    }
                    String[] parts = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split("\0", -1);
                    user = parts[1];
                    password = parts[2];
                    reply(out, "235 2.7.0 accepted");
                } else if (upper.startsWith("AUTH LOGIN")) {
                    reply(out, "334 VXNlcm5hbWU6");
                    user = new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);
                    reply(out, "334 UGFzc3dvcmQ6");
                    password = new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);
                    reply(out, "235 2.7.0 accepted");
                } else if (upper.startsWith("STARTTLS")) {
                    reply(out, "454 4.7.0 TLS not available");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    to = new ArrayList<>();
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    to.add(address(line.substring(8)));
                    reply(out, "250 2.1.5 ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    if (refuseNext) {
                        refuseNext = false;
                        reply(out, "451 4.3.0 try again later");
                    } else {
                        received.add(new Received(from, List.copyOf(to), user, password, data.toString()));
                        reply(out, "250 2.0.0 queued");
                    }
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    reply(out, "250 ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away
        }
    }

    private static String address(String arg) {
        String a = arg.strip();
        int lt = a.indexOf('<');
        int gt = a.indexOf('>');
        return lt >= 0 && gt > lt ? a.substring(lt + 1, gt) : a;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
