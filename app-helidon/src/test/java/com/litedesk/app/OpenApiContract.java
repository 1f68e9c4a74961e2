package com.litedesk.app;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A server's OpenAPI document as a check on every answer the tests receive (swagger-request-validator): status,
 * headers and body must be what the document says the operation answers. A mismatch fails the test that
 * received it, naming the request, what did not match and the body.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiContract> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final String title;

    private OpenApiContract(String document) {
        this.title = document.replaceAll("(?s).*?\"title\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(nullableReferences(document))
                .withLevelResolver(LevelResolver.create()
                        // the tests send wrong requests on purpose: only the answers are checked here
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        // a path outside the document (the web UI's files, an unknown path): nothing to compare with
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * OpenAPI 3.0 says "this record, or null" as {@code {"allOf": [{"$ref": …}], "nullable": true}}; the validator
     * reads {@code nullable} only beside a {@code type}. The same statement in a form it reads: the record, or a
     * value that can only be null.
     */
    private static String nullableReferences(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            rewrite(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean() && object.path("allOf").size() == 1 && object.size() == 2) {
                JsonNode ref = object.get("allOf").get(0);
                object.removeAll();
                ArrayNode anyOf = object.putArray("anyOf");
                anyOf.add(ref);
                anyOf.addObject().put("type", "string").put("nullable", true).put("minLength", 1).put("maxLength", 0);
            }
        }
        node.forEach(OpenApiContract::rewrite);
    }

    /** The contract of a document's text (parsed once per distinct document). */
    static OpenApiContract of(String document) {
        return BY_DOCUMENT.computeIfAbsent(document, OpenApiContract::new);
    }

    /** The contract of a committed document under {@code src/test/resources/openapi/}. */
    static OpenApiContract committed(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi/" + name)) {
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails (AssertionError) when the answer to {@code method path} is not what the document says. */
    void check(String method, String target, HttpResponse<String> response) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Request.Method verb;
        try {
            verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path, verb, answer.build());
        if (report.hasErrors()) {
            String problems = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - " + m.getMessage() + " [" + m.getKey() + "]"
                            + m.getContext().flatMap(c -> c.getPointers()).map(p -> " at " + p.getInstance()).orElse(""))
                    .collect(Collectors.joining("\n"));
            String body = response.body().length() > 2000 ? response.body().substring(0, 2000) + "…" : response.body();
            throw new AssertionError(method + " " + target + " answered " + response.statusCode() + ", which " + title
                    + "'s OpenAPI document does not allow:\n" + problems + "\n  body: " + body);
        }
    }
}
