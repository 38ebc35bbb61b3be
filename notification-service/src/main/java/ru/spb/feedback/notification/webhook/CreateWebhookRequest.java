package ru.spb.feedback.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an integrator sends to subscribe to events. The list elements are checked by
 * {@link WebhookSubscriptions} (so a violation names {@code eventTypes[1]}, not a bean-validation path).
 */
@Schema(name = "CreateWebhook")
public record CreateWebhookRequest(
        @NotBlank @Size(max = 2000)
        @Schema(description = "Where to POST the events: an HTTPS URL on a public address", examples = "https://integrator.example.org/hooks/spb", required = true)
        String url,

        @NotEmpty @Size(max = 20)
        @Schema(description = "Citizen-visible event types to receive", examples = "[\"AppealRegistered\", \"AppealRouted\"]", required = true)
        List<@Size(max = 100) String> eventTypes,

        @Size(max = 200)
        @Schema(description = "Only appeals in these municipalities (OSM relation ids); absent or empty for all. "
                + "Events before routing carry no municipality and are not sent to a filtered subscription.",
                examples = "[\"1123300\"]")
        List<@Size(max = 32) String> municipalityCodes,

        @Size(max = 500) @Schema(description = "A note for the integrator", examples = "Районная диспетчерская")
        String description,

        @Schema(description = "true: only events of appeals you filed yourself through Open311 (their bodies carry "
                + "appeal.open311.serviceRequestId); absent or false: every appeal's events", defaultValue = "false", examples = "true")
        Boolean ownRequestsOnly) {
}
