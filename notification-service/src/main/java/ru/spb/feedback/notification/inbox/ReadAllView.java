package ru.spb.feedback.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of marking everything read. */
@Schema(name = "ReadAll")
public record ReadAllView(@Schema(description = "Notifications that were unread until now", examples = "3") int marked) {
}
