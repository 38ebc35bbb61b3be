package ru.spb.feedback.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.delivery.Delivery;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.notification.recipient.Recipient;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON body of a webhook call. It never names the citizen: contact data is added at send time,
 * only for entitled integrators and only to the calls about their own requests. What the body
 * says of the appeal follows its {@link Disclosure}: the public view (number, status, problem type,
 * municipality, dates) for everyone; the rest (organization, the notification's texts, the
 * {@code appeal.open311} block) only for the integrator that filed the appeal through Open311.
 */
@ApplicationScoped
public class WebhookPayloads {

    @Inject
    ObjectMapper json;

    @Inject
    NotificationConfig config;

    public String body(UUID deliveryId, EventEnvelope envelope, TrackedAppeal appeal, Notification notification,
                       Disclosure disclosure) {
        if (disclosure == Disclosure.NONE) {
            throw new IllegalArgumentException("no webhook body for an appeal that must not be disclosed");
        }
        boolean full = disclosure == Disclosure.FULL;
        Map<String, Object> appealPart = new LinkedHashMap<>();
        appealPart.put("id", envelope.appealId());
        appealPart.put("number", notification.appealNumber);
        appealPart.put("status", notification.statusLabel);
        appealPart.put("category", appeal.categoryName);
        appealPart.put("municipalityCode", appeal.municipalityCode != null ? appeal.municipalityCode : envelope.municipalityCode());
        appealPart.put("municipalityName", appeal.municipalityName);
        if (full) {
            appealPart.put("organizationName", appeal.organizationName);
        }
        appealPart.put("dueAt", appeal.dueAt);
        appealPart.put("channel", appeal.channel);
        if (full && notification.appealNumber != null) {
            // the appeal number is the service_request_id the integrator got from POST requests
            appealPart.put("open311", Map.of("serviceRequestId", notification.appealNumber));
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("eventId", envelope.eventId());
        body.put("eventType", envelope.eventType());
        body.put("schemaVersion", envelope.schemaVersion());
        body.put("occurredAt", envelope.occurredAt());
        body.put("view", disclosure.view());
        body.put("appeal", appealPart);
        if (full) {
            body.put("notification", Map.of("title", notification.title, "message", notification.message));
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    /**
     * The stored body as it is sent: with the citizen's contact for an integrator entitled to
     * contact data ({@code notification.webhooks.contact-data-owners}), about its own request only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String forSending(Delivery delivery, String owner) {
        Set<String> entitled = config.webhooks().contactDataOwners().orElse(Set.of());
        if (!entitled.contains(owner) || delivery.citizenId == null) {
            return delivery.payload;
        }
        TrackedAppeal appeal = TrackedAppeal.findById(delivery.appealId);
        if (appeal == null || Disclosure.of(appeal, owner) != Disclosure.FULL) {
            return delivery.payload;
        }
        return withContact(delivery.payload, Recipient.findById(delivery.citizenId));
    }

    /** A stored body whose notification text (if it has one) is replaced by the given line. */
    public String withMessage(String body, String message) {
        try {
            ObjectNode tree = (ObjectNode) json.readTree(body);
            if (tree.get("notification") instanceof ObjectNode notification) {
                notification.put("message", message);
            }
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored webhook body is not a JSON object", e);
        }
    }

    /** The stored body with the citizen's contact. */
    private String withContact(String body, Recipient recipient) {
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
