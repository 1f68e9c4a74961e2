package com.litedesk.app.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where the process's logs go: every logger (the JDK's, Helidon's and, through SLF4J's JDK binding, the drivers')
 * writes {@link LogLines} to standard error; what the process announces (where it listens, a first start's
 * credentials) goes to standard output in the same format, so that nothing else prints raw lines.
 */
public final class Logging {

    private final LogLines lines;
    private final PrintStream out;

    private Logging(LogLines lines, PrintStream out) {
        this.lines = lines;
        this.out = out;
    }

    /** Sends every log record through {@code LITEDESK_LOG_FORMAT}'s lines ({@code text} or {@code json}). */
    public static Logging install(String format) {
        LogLines lines = LogLines.of(format);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new LineHandler(lines, System.err));
        return new Logging(lines, System.out);
    }

    /** Lines for {@code format} on {@code out}, leaving the loggers as they are (what tests and embedders use). */
    public static Logging to(String format, PrintStream out) {
        return new Logging(LogLines.of(format), out);
    }

    /** One line the process says on standard output. */
    public void announce(String message) {
        out.print(lines.line(Instant.now(), "INFO", "litedesk", message, null));
        out.flush();
    }

    /**
     * What a person must not miss among the logs, such as a generated password shown once: a framed block in a
     * terminal, one line with a {@code notice} level in JSON.
     */
    public void notice(String title, List<String> body) {
        if (lines.json()) {
            String text = body.stream().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty())
                    .collect(java.util.stream.Collectors.joining("; "));
            out.print(lines.line(Instant.now(), "NOTICE", "litedesk", title + " — " + text, null));
            out.flush();
            return;
        }
        int width = title.length();
        for (String line : body) {
            width = Math.max(width, line.length());
        }
        String rule = "+" + "-".repeat(width + 4) + "+";
        StringBuilder block = new StringBuilder().append('\n').append(rule).append('\n');
        block.append("|  ").append(pad(title, width)).append("  |\n");
        block.append("|  ").append(" ".repeat(width)).append("  |\n");
        for (String line : body) {
            block.append("|  ").append(pad(line, width)).append("  |\n");
        }
        block.append(rule).append("\n\n");
        out.print(block);
        out.flush();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** Writes each record as it comes, whole, so that lines of different threads never interleave. */
    private static final class LineHandler extends Handler {
        private final LogLines lines;
        private final PrintStream err;

        LineHandler(LogLines lines, PrintStream err) {
            this.lines = lines;
            this.err = err;
            setFormatter(lines);
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line = lines.format(record);
            err.print(line);
            err.flush();
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
