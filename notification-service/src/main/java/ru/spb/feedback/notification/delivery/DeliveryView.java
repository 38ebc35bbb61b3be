package ru.spb.feedback.notification.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery with its attempts, as integrators and operators see it. */
@Schema(name = "Delivery")
public record DeliveryView(
        @Schema(description = "Also the Webhook-Id header: the same for every attempt, for deduplication") UUID id,
        Channel channel,
        UUID eventId,
        @Schema(examples = "AppealRouted") String eventType,
        UUID appealId,
        DeliveryStatus status,
        int attempts,
        int attemptsAllowed,
        @Schema(description = "When the next attempt is due, while PENDING") Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        List<AttemptView> log) {

    static DeliveryView of(Delivery delivery, List<DeliveryAttempt> attempts) {
        return new DeliveryView(delivery.id, delivery.channel, delivery.eventId, delivery.eventType, delivery.appealId,
                delivery.status, delivery.attempts, delivery.attemptsAllowed,
                delivery.status == DeliveryStatus.PENDING ? delivery.nextAttemptAt : null, delivery.lastError,
                delivery.createdAt, delivery.deliveredAt, attempts.stream().map(AttemptView::of).toList());
    }
}
