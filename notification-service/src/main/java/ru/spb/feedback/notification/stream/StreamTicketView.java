package ru.spb.feedback.notification.stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A ticket to open the live stream once: {@code GET /api/v1/notifications/stream?ticket=…}. */
@Schema(name = "StreamTicket")
public record StreamTicketView(
        @Schema(description = "Use once, before it expires") String ticket,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "StreamTicketView[redacted]";
    }
}
