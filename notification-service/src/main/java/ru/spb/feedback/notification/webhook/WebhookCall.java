package ru.spb.feedback.notification.webhook;

import java.util.UUID;

/**
 * Everything one webhook attempt needs, read from the database before the call so no
 * transaction stays open while the receiver answers.
 */
public record WebhookCall(UUID deliveryId, String url, String secret, String eventType, byte[] body) {

    @Override
    public String toString() {
        return "WebhookCall[" + deliveryId + "]";
    }
}
