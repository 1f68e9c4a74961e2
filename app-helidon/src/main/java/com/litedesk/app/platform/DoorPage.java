package com.litedesk.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The page a browser gets where the front door answers for an instance that cannot serve it (unknown, being set
 * up, suspended, deleted, not running): a heading and a few sentences for people, in place of the problem+json that
 * API clients get. No script, so nothing is left "Loading…"; its stylesheet and icon are served by the door too.
 */
public record DoorPage(String title, List<String> paragraphs) {

    private static final String TEMPLATE = read("web/door/page.html");

    /** "try again in 7 minutes", "try again in a minute", "try again in a few seconds". */
    public static String tryAgainIn(long seconds) {
        if (seconds < 45) {
            return "try again in a few seconds";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes == 1 ? "try again in a minute" : "try again in " + minutes + " minutes";
        }
        long hours = Math.round(minutes / 60.0);
        return hours == 1 ? "try again in an hour" : "try again in " + hours + " hours";
    }

    String html() {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(escape(p)).append("</p>\n      ");
        }
        return TEMPLATE.replace("{{title}}", escape(title)).replace("{{body}}", body.toString().strip());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static byte[] resource(String name) {
        try (InputStream in = DoorPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }
}
