package ru.spb.feedback.notification.delivery;

/** What came of one attempt. */
public enum AttemptOutcome {
    DELIVERED,
    /** Failed; retried later unless it was the last allowed attempt. */
    FAILED,
    /** Not sent because it is no longer wanted. */
    CANCELLED
}
