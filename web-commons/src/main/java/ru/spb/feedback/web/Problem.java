package ru.spb.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}). {@code type} is
 * stable and machine-readable; {@code title} and {@code detail} are for people and never quote
 * personal data back.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "urn:spb-feedback:problem:validation") String type,
        @Schema(examples = "Request validation failed") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "2 fields are invalid") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "The request id (X-Request-Id), quote it when reporting a problem") String requestId,
        @Schema(description = "Per-field violations of a validation error") List<Violation> violations) {

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
    @Schema(name = "Violation")
    public record Violation(
            @Schema(examples = "description") String field,
            @Schema(examples = "size must be between 10 and 4000") String message) {
    }
}
