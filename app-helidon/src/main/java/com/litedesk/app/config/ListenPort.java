package com.litedesk.app.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The port a server is told to listen on, tried before anything is built or written (no database opened, no
 * password made), so that a second start on a taken port stops with one line instead of running without a server.
 */
public final class ListenPort {

    private ListenPort() {
    }

    /** Throws a {@link ConfigurationError} naming the port when {@code host:port} cannot be listened on; port 0 is any free one. */
    public static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the server's own listener: a port left in TIME_WAIT is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw taken(host, port);
        }
    }

    /** The one line for a port that is not free. */
    public static ConfigurationError taken(String host, int port) {
        return new ConfigurationError("port " + port + " on " + host + " is already in use (is LiteDesk already running?);"
                + " stop what listens there or choose another port with LITEDESK_PORT");
    }
}
