package ru.spb.feedback.notification.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One attempt of a delivery. */
@Schema(name = "DeliveryAttempt")
public record AttemptView(
        int attempt,
        Instant at,
        AttemptOutcome outcome,
        @Schema(description = "The receiver's HTTP status, if it answered") Integer httpStatus,
        @Schema(description = "Why it failed") String error,
        long durationMs) {

    static AttemptView of(DeliveryAttempt attempt) {
        return new AttemptView(attempt.attempt, attempt.attemptedAt, attempt.outcome, attempt.httpStatus, attempt.error,
                attempt.durationMs);
    }
}
