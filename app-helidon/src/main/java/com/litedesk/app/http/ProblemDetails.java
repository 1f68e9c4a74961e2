package com.litedesk.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.litedesk.ports.FieldError;
import com.litedesk.ports.contract.Nullable;
import java.util.List;

/**
 * The body of every error answer (RFC 9457 problem details): {@code code} is the stable error code, {@code errors}
 * names the fields of a refused input, {@code requestId} the request in the server's logs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, String code, @Nullable String requestId,
                             @Nullable List<FieldError> errors) {
}
