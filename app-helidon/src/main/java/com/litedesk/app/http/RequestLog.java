package com.litedesk.app.http;

import com.litedesk.app.logging.JsonText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One line per request, as text people read in a terminal ({@code LITEDESK_LOG_FORMAT=text}, the default) or as JSON
 * for a log pipeline ({@code json}). Lines are gathered and written a few at a time, within 50 ms, rather than with
 * one write per request; a process killed hard loses at most those.
 */
public final class RequestLog {

    /** How lines are written. */
    public enum Format {
        TEXT, JSON;

        public static Format of(String name) {
            return name == null || !name.equalsIgnoreCase("json") ? TEXT : JSON;
        }
    }

    private static final int FLUSH_CHARS = 32 * 1024;
    private static final long FLUSH_DELAY_MILLIS = 50;

    private final Format format;
    private final PrintStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private StringBuilder pending = new StringBuilder(4096);
    private boolean flushScheduled;

    public RequestLog(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    public void request(String requestId, String instance, String method, String path, int status, long nanos, String client) {
        StringBuilder line = new StringBuilder(160);
        String ts = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        double ms = Math.round(nanos / 10_000.0) / 100.0;
        if (format == Format.JSON) {
            line.append("{\"ts\":\"").append(ts).append("\",\"requestId\":");
            JsonText.quote(line, requestId).append(",\"instance\":");
            JsonText.quote(line, instance).append(",\"method\":");
            JsonText.quote(line, method).append(",\"path\":");
            JsonText.quote(line, path).append(",\"status\":").append(status).append(",\"ms\":").append(ms).append(",\"client\":");
            JsonText.quote(line, client).append("}\n");
        } else {
            line.append(ts).append(' ').append(instance).append(' ').append(method).append(' ');
            printable(line, path).append(' ').append(status).append(' ').append(ms).append(" ms client=").append(client).append(" request=").append(requestId).append('\n');
        }
        boolean flushNow;
        boolean schedule = false;
        lock.lock();
        try {
            pending.append(line);
            flushNow = pending.length() >= FLUSH_CHARS;
            if (!flushNow && !flushScheduled) {
                flushScheduled = true;
                schedule = true;
            }
        } finally {
            lock.unlock();
        }
        if (flushNow) {
            flush();
        } else if (schedule) {
            Thread.ofVirtual().name("litedesk-request-log").start(() -> {
                try {
                    Thread.sleep(FLUSH_DELAY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                flush();
            });
        }
    }

    /** Writes what is gathered. */
    public void flush() {
        StringBuilder lines;
        lock.lock();
        try {
            lines = pending;
            pending = new StringBuilder(4096);
            flushScheduled = false;
        } finally {
            lock.unlock();
        }
        if (!lines.isEmpty()) {
            out.print(lines);
            out.flush();
        }
    }

    /** The value with control characters shown as escapes, so that a request cannot forge log lines. */
    private static StringBuilder printable(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out;
    }
}
