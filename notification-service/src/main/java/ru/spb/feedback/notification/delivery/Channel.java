package ru.spb.feedback.notification.delivery;

/** How a notification reaches someone. */
public enum Channel {
    /** The citizen's in-app inbox (and live stream). */
    IN_APP,
    /** E-mail to the citizen. */
    EMAIL,
    /** An integrator's webhook. */
    WEBHOOK;

    /** The lower-case name used in metrics and logs. */
    public String tag() {
        return name().toLowerCase();
    }
}
