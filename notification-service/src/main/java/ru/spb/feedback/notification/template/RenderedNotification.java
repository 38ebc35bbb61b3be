package ru.spb.feedback.notification.template;

/**
 * The text of one notification, in Russian.
 *
 * @param title   one line: the in-app title and the e-mail subject
 * @param status  the appeal's new status as a reader says it («Направлено исполнителю»)
 * @param message a few sentences; the in-app body and the heart of the e-mail
 */
public record RenderedNotification(String title, String status, String message) {
}
