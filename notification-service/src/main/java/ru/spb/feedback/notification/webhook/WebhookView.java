package ru.spb.feedback.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String url,
        List<String> eventTypes,
        List<String> municipalityCodes,
        String description,
        @Schema(description = "Only events of appeals the owner filed through Open311") boolean ownRequestsOnly,
        boolean active,
        @Schema(description = "Who registered it (token subject)") String owner,
        Instant createdAt,
        @Schema(description = "The signing secret: only in the answer to POST, never again. "
                + "Verify Webhook-Signature = \"sha256=\" + hex(HMAC-SHA256(secret, Webhook-Timestamp + \".\" + body)).")
        String secret) {

    static WebhookView of(WebhookSubscription subscription, String secret) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventTypeList(),
                subscription.municipalityCodeList(), subscription.description, subscription.ownRequestsOnly, subscription.active,
                subscription.ownerId,
                subscription.createdAt, secret);
    }

    @Override
    public String toString() {
        return "WebhookView[" + id + "]";
    }
}
