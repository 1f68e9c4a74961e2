package com.litedesk.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.app.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    private static LogRecord record() {
        LogRecord record = new LogRecord(Level.WARNING, "health checks failed: \"acme\"\nsecond line");
        record.setLoggerName("io.helidon.webserver.LoomServer");
        record.setThrown(new IllegalStateException("boom"));
        return record;
    }

    @Test
    void aJsonLineIsOneObjectWhateverTheMessageHolds() throws Exception {
        String line = LogLines.of("json").format(record());
        assertThat(line.strip().lines()).hasSize(1);
        JsonNode node = Json.mapper().readTree(line);
        assertThat(node.get("level").asText()).isEqualTo("WARNING");
        assertThat(node.get("logger").asText()).isEqualTo("io.helidon.webserver.LoomServer");
        assertThat(node.get("message").asText()).isEqualTo("health checks failed: \"acme\"\nsecond line");
        assertThat(node.get("error").asText()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(node.get("time").asText()).endsWith("Z");
    }

    @Test
    void aTextLineNamesTimeLevelAndLoggerWithTheStackTraceIndentedBelow() {
        String text = LogLines.of("text").format(record());
        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z WARNING i\\.h\\.webserver\\.LoomServer  health checks failed: \"acme\"$");
        assertThat(lines.get(1)).isEqualTo("second line");
        assertThat(lines.get(2)).isEqualTo("    java.lang.IllegalStateException: boom");
        assertThat(lines.subList(3, lines.size())).allMatch(l -> l.startsWith("    "));
    }

    @Test
    void aNoticeStandsOutAsAFramedBlockInATerminalAndIsOneLineInJson() throws Exception {
        var text = new ByteArrayOutputStream();
        Logging.to("text", new PrintStream(text, true, StandardCharsets.UTF_8)).notice("First start", List.of("email     a@b.c", "password  s3cret"));
        List<String> block = text.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertThat(block.getFirst()).matches("^\\+-+\\+$");
        assertThat(block.getLast()).isEqualTo(block.getFirst());
        assertThat(block).allMatch(l -> l.length() == block.getFirst().length());
        assertThat(block).contains("|  password  s3cret  |");
        var json = new ByteArrayOutputStream();
        Logging.to("json", new PrintStream(json, true, StandardCharsets.UTF_8)).notice("First start", List.of("email     a@b.c", "", "password  s3cret"));
        JsonNode node = Json.mapper().readTree(json.toString(StandardCharsets.UTF_8));
        assertThat(node.get("level").asText()).isEqualTo("NOTICE");
        assertThat(node.get("message").asText()).isEqualTo("First start — email a@b.c; password s3cret");
    }
}
