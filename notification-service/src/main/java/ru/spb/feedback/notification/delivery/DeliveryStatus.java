package ru.spb.feedback.notification.delivery;

import ru.spb.feedback.web.ProblemException;

import java.util.Arrays;

/** Where an outbound delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The receiver took it. */
    DELIVERED,
    /** Every allowed attempt failed. */
    FAILED,
    /** No longer wanted: the citizen switched e-mail off, or the subscription was deleted. */
    CANCELLED;

    /** A {@code status} query parameter: none if blank, a 400 problem if unknown. */
    public static DeliveryStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(values()));
        }
    }
}
