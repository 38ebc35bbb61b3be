package ru.spb.feedback.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A notification as its citizen sees it, in the inbox and on the live stream. */
@Schema(name = "Notification")
public record NotificationView(
        UUID id,
        @Schema(description = "Position in the citizen's stream; the SSE event id") long seq,
        UUID appealId,
        @Schema(examples = "SPB-2026-000123") String appealNumber,
        @Schema(examples = "AppealRouted") String eventType,
        @Schema(examples = "Направлено исполнителю") String status,
        @Schema(examples = "Обращение SPB-2026-000123 направлено исполнителю") String title,
        String message,
        @Schema(description = "Known once routed") String municipality,
        @Schema(description = "Answer due; known once routed") Instant dueAt,
        Instant occurredAt,
        Instant createdAt,
        boolean read,
        Instant readAt,
        @Schema(description = "About another citizen's appeal that you support, not one of your own") boolean supportedAppeal) {

    public static NotificationView of(Notification notification) {
        return new NotificationView(notification.id, notification.seq, notification.appealId, notification.appealNumber,
                notification.eventType, notification.statusLabel, notification.title, notification.message,
                notification.municipalityName, notification.dueAt, notification.occurredAt, notification.createdAt,
                notification.readAt != null, notification.readAt, notification.supportedAppeal);
    }
}
