package ru.spb.feedback.appeals.open311;

import java.util.List;

/**
 * A refusal in the spec's error form: a list of {@code code} (the HTTP status) and
 * {@code description}. Descriptions name the parameter at fault, never the value sent.
 */
public class Open311Error extends RuntimeException {

    private final int status;
    private final List<String> descriptions;
    private final Long retryAfterSeconds;

    private Open311Error(int status, List<String> descriptions, Long retryAfterSeconds) {
        super(status + " " + String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: one error per problem found, so a client can fix them all at once. */
    public static Open311Error badRequest(List<String> descriptions) {
        return new Open311Error(400, descriptions, null);
    }

    public static Open311Error badRequest(String description) {
        return new Open311Error(400, List.of(description), null);
    }

    /** 403: a missing, unknown or revoked {@code api_key} where one is required. */
    public static Open311Error forbidden(String description) {
        return new Open311Error(403, List.of(description), null);
    }

    public static Open311Error notFound(String description) {
        return new Open311Error(404, List.of(description), null);
    }

    public static Open311Error of(int status, String description) {
        return new Open311Error(status, List.of(description), null);
    }

    /** 429: the key's budget is spent; it may try again after the given seconds. */
    public static Open311Error tooManyRequests(long retryAfterSeconds) {
        return new Open311Error(429, List.of("Too many requests with this api_key; retry after " + retryAfterSeconds + " s"),
                retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Open311Body body() {
        return Open311Body.list("errors", "error", descriptions.stream()
                .map(description -> Open311Body.fields().put("code", status).put("description", description).build())
                .toList());
    }
}
