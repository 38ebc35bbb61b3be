package ru.spb.feedback.notification.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A subscription that sends nothing any more. */
@Schema(name = "AreaAlertUnsubscribed")
public record UnsubscribedView(UUID id, Instant unsubscribedAt) {

    static UnsubscribedView of(AreaAlert alert) {
        return new UnsubscribedView(alert.id, alert.unsubscribedAt);
    }
}
