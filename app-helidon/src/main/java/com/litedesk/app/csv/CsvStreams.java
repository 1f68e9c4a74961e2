package com.litedesk.app.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.Call;
import com.litedesk.app.http.Problems;
import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.transfer.ExportSink;
import com.litedesk.core.crm.transfer.Exports;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.records.ImportReport;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordType;
import io.helidon.webserver.http.ServerResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** CSV in and out, streamed with Commons CSV: imports never hold the file, exports never hold the list. */
public final class CsvStreams {

    /** What an import does with the parsed rows. */
    @FunctionalInterface
    public interface Importer {
        ImportReport run(Iterator<Map<String, String>> rows, Map<String, String> mapping, boolean dryRun);
    }

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(false).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private CsvStreams() {
    }

    public static void importCsv(Call call, ServerResponse res, ObjectMapper json, long maxBytes, Importer importer) throws IOException {
        String type = call.request().headers().contentType().map(t -> t.mediaType().text()).orElse("");
        if (!type.equals("text/csv") && !type.equals("application/csv")) {
            throw LiteDeskException.invalid("Content-Type", "send the file as text/csv");
        }
        call.actor(); // authenticate before reading anything
        Map<String, String> mapping = mapping(call.query("map"));
        boolean dryRun = call.flag("dryRun");
        java.io.BufferedReader reader = new java.io.BufferedReader(new InputStreamReader(new Bounded(call.stream(), maxBytes), StandardCharsets.UTF_8));
        char delimiter = delimiter(reader);
        try (CSVParser parser = CSVParser.builder().setFormat(READ.builder().setDelimiter(delimiter).get())
                .setReader(reader).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<Map<String, String>> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw malformed(e, parser);
                    }
                }

                private long read;

                @Override
                public Map<String, String> next() {
                    if (++read % 500 == 0) {
                        com.litedesk.app.http.Turns.yieldTurn(); // between batches, the instance's other requests go first
                    }
                    try {
                        return records.next().toMap();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw malformed(e, parser);
                    }
                }
            };
            ImportReport report = importer.run(rows, mapping, dryRun);
            res.status(200).header("Content-Type", "application/json");
            res.send(json.writeValueAsBytes(report));
        } catch (IllegalArgumentException e) {
            throw LiteDeskException.invalid("header", "the CSV header is not usable: " + e.getMessage());
        }
    }

    private static RuntimeException malformed(RuntimeException e, CSVParser parser) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof Problems.BodyTooLarge tooLarge) {
                return tooLarge;
            }
            cause = cause.getCause();
        }
        return LiteDeskException.invalid("body", "malformed CSV near line " + parser.getCurrentLineNumber());
    }

    /**
     * The separator of the file, from its header line: ',' unless ';' (what spreadsheets write where ',' is the decimal
     * comma) or a tab separates more of its names; a byte order mark at the start is skipped.
     */
    static char delimiter(java.io.BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        int first = reader.read();
        if (first != '\uFEFF') {
            reader.reset();
            reader.mark(64 * 1024);
        } else {
            reader.mark(64 * 1024);
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0, c = reader.read(); c != -1 && i < 64 * 1024 - 1; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Parses {@code map=E-Mail:email,Surname:lastName}. */
    static Map<String, String> mapping(String raw) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return mapping;
        }
        for (String pair : raw.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw LiteDeskException.invalid("map", "write column:field pairs separated by commas");
            }
            mapping.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return mapping;
    }

    public static void export(Exports exports, Actor actor, RecordType type, ListRequest request, String name, ServerResponse res)
            throws IOException {
        LazyCsv sink = new LazyCsv(res, name);
        exports.export(actor, type, request, sink);
        sink.finish();
    }

    /** Opens the response only with the first row, so that a refusal can still be a problem response. */
    private static final class LazyCsv implements ExportSink {
        private final ServerResponse res;
        private final String name;
        private List<String> header;
        private CSVPrinter printer;

        LazyCsv(ServerResponse res, String name) {
            this.res = res;
            this.name = name;
        }

        @Override
        public void header(List<String> columns) {
            header = columns;
        }

        private long rows;

        @Override
        public void row(List<String> values) {
            if (++rows % 500 == 0) {
                com.litedesk.app.http.Turns.yieldTurn(); // a long download lets its instance's other requests go first
            }
            try {
                open().printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private CSVPrinter open() throws IOException {
            if (printer == null) {
                res.status(200).header("Content-Type", "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                Writer writer = new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8);
                printer = new CSVPrinter(writer, WRITE);
                printer.printRecord(header);
            }
            return printer;
        }

        void finish() throws IOException {
            open().close();
        }
    }

    /** Fails the read once more than {@code max} bytes came in. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new Problems.BodyTooLarge(max);
            }
        }
    }
}
