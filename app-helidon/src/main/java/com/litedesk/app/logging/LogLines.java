package com.litedesk.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record as one line: text people read in a terminal ({@code 2026-12-03T06:12:15.123Z WARNING
 * litedesk.control-plane health checks failed: …}, a stack trace indented below it) or, for a log pipeline, one JSON
 * object per line with time, level, logger, message and error.
 */
public final class LogLines extends Formatter {

    private final boolean json;

    private LogLines(boolean json) {
        this.json = json;
    }

    /** {@code json} for JSON lines, anything else for text. */
    public static LogLines of(String format) {
        return new LogLines("json".equalsIgnoreCase(format));
    }

    public boolean json() {
        return json;
    }

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        String error = record.getThrown() == null ? null : stackTrace(record.getThrown());
        return line(record.getInstant(), record.getLevel().getName(), record.getLoggerName(), message, error);
    }

    /** A line of its own, for what the process says outside a logger (where it listens, a first start). */
    public String line(Instant time, String level, String logger, String message, String error) {
        StringBuilder out = new StringBuilder(160);
        if (json) {
            out.append("{\"time\":\"").append(time).append("\",\"level\":");
            JsonText.quote(out, level).append(",\"logger\":");
            JsonText.quote(out, logger).append(",\"message\":");
            JsonText.quote(out, message);
            if (error != null) {
                JsonText.quote(out.append(",\"error\":"), error);
            }
            return out.append("}\n").toString();
        }
        String shown = level.length() >= 7 ? level : level + " ".repeat(7 - level.length());
        out.append(time.truncatedTo(ChronoUnit.MILLIS)).append(' ').append(shown).append(' ').append(shortName(logger)).append("  ")
                .append(message).append('\n');
        if (error != null) {
            error.lines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
        return out.toString();
    }

    /** {@code io.helidon.webserver.LoomServer} → {@code i.h.webserver.LoomServer}: the class stays readable. */
    static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "-";
        }
        String[] parts = logger.split("\\.");
        if (parts.length <= 3) {
            return logger;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length - 2; i++) {
            out.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1)).append('.');
        }
        return out.append(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]).toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString().stripTrailing();
    }
}
