package ru.spb.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}). {@code type} is
 * stable and machine-readable; {@code title} and {@code detail} are for people and never quote
 * personal data back. Its published schema is {@code ru.spb.feedback.web.openapi.ProblemSchema}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:spb-feedback:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, List.of());
    }

    public static Problem validation(List<Violation> violations) {
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return new Problem(TYPE_PREFIX + "validation", "Request validation failed", 400, detail, null, null, violations);
    }

    public Problem at(String path, String requestId) {
        return new Problem(type, title, status, detail, path, requestId, violations);
    }

    /**
     * One invalid field.
     *
     * @param field   the JSON path of the field, e.g. {@code location.lat}
     * @param message what is wrong, without echoing the value
     */
    public record Violation(
            String field,
            String message) {
    }
}
