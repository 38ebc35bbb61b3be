package ru.spb.feedback.notification.delivery;

import ru.spb.feedback.web.ProblemException;

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

    /** A {@code channel} query parameter naming a channel with deliveries: none if blank, a 400 problem otherwise. */
    public static Channel parseOutbound(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        return switch (channel.trim().toUpperCase()) {
            case "EMAIL" -> EMAIL;
            case "WEBHOOK" -> WEBHOOK;
            default -> throw ProblemException.invalid("channel", "must be one of [EMAIL, WEBHOOK]");
        };
    }
}
