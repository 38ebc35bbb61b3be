package ru.spb.feedback.notification.stream;

import ru.spb.feedback.notification.inbox.NotificationView;

/** What a live stream carries: a notification, or a comment line that only keeps it open. */
public record LiveItem(NotificationView notification, String comment) {

    static LiveItem of(NotificationView notification) {
        return new LiveItem(notification, null);
    }

    static LiveItem comment(String text) {
        return new LiveItem(null, text);
    }
}
