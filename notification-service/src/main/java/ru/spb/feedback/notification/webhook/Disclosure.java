package ru.spb.feedback.notification.webhook;

import ru.spb.feedback.notification.template.TrackedAppeal;

/**
 * How much of an appeal a webhook call tells its subscriber. Integrators see the appeals other
 * people filed the way the public sees them, and appeals the public does not see not at all.
 */
public enum Disclosure {
    /** The appeal's texts (the notification) too: only for the integrator that filed it through Open311. */
    FULL,
    /** Number, status, problem type, municipality and dates, as the public view shows them. */
    PUBLIC,
    /** Nothing, not even a delivery: an official appeal, a type that is not public, or one not known to be public. */
    NONE;

    /** @param owner the subscription's owner (token subject) */
    public static Disclosure of(TrackedAppeal appeal, String owner) {
        if (appeal.filedThroughOpen311By(owner)) {
            return FULL;
        }
        return appeal.shownPublicly() ? PUBLIC : NONE;
    }

    /** The body's {@code view} field. */
    public String view() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
