package ru.spb.feedback.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.notification.recipient.Recipient;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON body of a webhook call. It names the appeal and what happened to it, never the
 * citizen: contact data is added only for integrators entitled to it, at send time. The
 * {@code appeal.open311} block goes only to the integrator that filed the appeal through Open311.
 */
@ApplicationScoped
public class WebhookPayloads {

    @Inject
    ObjectMapper json;

    /** @param owner the subscription's owner (token subject) the body is for */
    public String body(UUID deliveryId, EventEnvelope envelope, TrackedAppeal appeal, Notification notification, String owner) {
        Map<String, Object> appealPart = new LinkedHashMap<>();
        appealPart.put("id", envelope.appealId());
        appealPart.put("number", notification.appealNumber);
        appealPart.put("status", notification.statusLabel);
        appealPart.put("category", appeal.categoryName);
        appealPart.put("municipalityCode", appeal.municipalityCode != null ? appeal.municipalityCode : envelope.municipalityCode());
        appealPart.put("municipalityName", appeal.municipalityName);
        appealPart.put("organizationName", appeal.organizationName);
        appealPart.put("dueAt", appeal.dueAt);
        appealPart.put("channel", appeal.channel);
        if (appeal.filedThroughOpen311By(owner) && notification.appealNumber != null) {
            // the appeal number is the service_request_id the integrator got from POST requests
            appealPart.put("open311", Map.of("serviceRequestId", notification.appealNumber));
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("eventId", envelope.eventId());
        body.put("eventType", envelope.eventType());
        body.put("schemaVersion", envelope.schemaVersion());
        body.put("occurredAt", envelope.occurredAt());
        body.put("appeal", appealPart);
        body.put("notification", Map.of("title", notification.title, "message", notification.message));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    /** The stored body with the citizen's contact, for an entitled integrator. */
    public String withContact(String body, Recipient recipient) {
        if (recipient == null || (recipient.email == null && recipient.name == null)) {
            return body;
        }
        try {
            ObjectNode tree = (ObjectNode) json.readTree(body);
            ObjectNode contact = tree.putObject("contact");
            contact.put("email", recipient.email);
            contact.put("name", recipient.name);
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored webhook body is not JSON", e);
        }
    }
}
