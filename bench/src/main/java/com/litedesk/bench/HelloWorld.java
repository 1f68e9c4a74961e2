package com.litedesk.bench;

import io.helidon.webserver.WebServer;

/** A Helidon SE hello-world: the ceiling the throughput benchmark measures LiteDesk against. */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        WebServer.builder()
                .host("127.0.0.1")
                .port(Integer.parseInt(args[0]))
                .routing(r -> r.get("/hello", (req, res) -> res.send("Hello World!")))
                .build()
                .start();
    }
}
