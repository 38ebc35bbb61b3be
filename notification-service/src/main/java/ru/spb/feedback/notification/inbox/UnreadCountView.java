package ru.spb.feedback.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many notifications the citizen has not read. */
@Schema(name = "UnreadCount")
public record UnreadCountView(@Schema(examples = "3") long unread) {
}
