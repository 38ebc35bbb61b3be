package ru.spb.feedback.notification.delivery;

/** Where an outbound delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The receiver took it. */
    DELIVERED,
    /** Every allowed attempt failed. */
    FAILED,
    /** No longer wanted: the citizen switched e-mail off, or the subscription was deleted. */
    CANCELLED
}
