package ru.spb.feedback.notification.alert;

/** What an area-alert subscriber may hear of. */
public enum AlertEvent {
    /** A new appeal in the area, once routed (from then on the public view shows it): {@code AppealRouted}. */
    NEW,
    /** An appeal in the area was answered: {@code AppealAnswered}. */
    ANSWERED
}
