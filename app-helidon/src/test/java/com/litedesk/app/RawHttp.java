package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for requests the JDK's client refuses to send (malformed targets, absolute
 * form, oversize lines and headers, broken framing). One request per connection.
 */
final class RawHttp {

    private static final ObjectMapper JSON = Json.mapper();

    /** One raw answer; header names are lower case. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code requestLine}, the {@code Host} and the extra header lines, then {@code body} (may be null). */
    static Answer send(int port, String requestLine, String host, String extraHeaders, String body) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n").append("Host: ").append(host).append("\r\n");
        if (extraHeaders != null && !extraHeaders.isEmpty()) {
            head.append(extraHeaders);
            if (!extraHeaders.endsWith("\r\n")) {
                head.append("\r\n");
            }
        }
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (content != null && (extraHeaders == null || !extraHeaders.toLowerCase(Locale.ROOT).contains("content-length"))) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return exchange(port, head.toString().getBytes(StandardCharsets.UTF_8), content);
    }

    static Answer exchange(int port, byte[] head, byte[] content) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            if (content != null) {
                out.write(content);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String[] lines = headerBlock(in).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                out.write(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String headerBlock(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        throw new AssertionError("no complete answer: '" + head.toString(StandardCharsets.ISO_8859_1) + "'");
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
