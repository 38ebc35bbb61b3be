package ru.spb.feedback.notification.template;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.EventCatalog;
import ru.spb.feedback.contracts.EventEnvelope;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Keeps {@link TrackedAppeal} up to date with every event of the appeal. */
@ApplicationScoped
public class TrackedAppeals {

    @Transactional(Transactional.TxType.MANDATORY)
    public TrackedAppeal registered(EventEnvelope envelope, AppealRegistered payload) {
        TrackedAppeal appeal = learn(envelope);
        if (payload.category() != null) {
            appeal.categoryName = payload.category().name();
        }
        appeal.official = payload.official();
        appeal.address = payload.address();
        if (payload.location() != null) {
            appeal.lat = payload.location().lat();
            appeal.lon = payload.location().lon();
        }
        appeal.channel = payload.channel();
        appeal.integratorId = payload.integratorId();
        return appeal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TrackedAppeal routed(EventEnvelope envelope, AppealRouted payload) {
        TrackedAppeal appeal = learn(envelope);
        appeal.municipalityCode = payload.municipalityCode();
        appeal.municipalityName = payload.municipalityName();
        appeal.organizationName = payload.organizationName();
        appeal.dueAt = payload.dueAt();
        return appeal;
    }

    /**
     * Takes what every envelope says, and the well-known fields any payload may carry
     * ({@code municipalityName}, {@code organizationName}, {@code dueAt}, {@code category.name} of a
     * corrected problem type, and whether that type is public), so a new event type that moves the
     * deadline needs no code here. A rejected, withdrawn or closed appeal has no due date any more, nor has a
     * reopened one until its new deadline arrives; a finishing time starts the retention period of its personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TrackedAppeal learn(EventEnvelope envelope) {
        TrackedAppeal appeal = TrackedAppeal.findById(envelope.appealId());
        if (appeal == null) {
            appeal = new TrackedAppeal();
            appeal.appealId = envelope.appealId();
        }
        appeal.citizenId = envelope.citizenId();
        if (envelope.appealNumber() != null) {
            appeal.number = envelope.appealNumber();
        }
        if (envelope.municipalityCode() != null) {
            appeal.municipalityCode = envelope.municipalityCode();
        }
        JsonNode payload = envelope.payload();
        appeal.municipalityName = text(payload, "municipalityName", appeal.municipalityName);
        appeal.organizationName = text(payload, "organizationName", appeal.organizationName);
        JsonNode category = payload == null ? null : payload.get("category");
        appeal.categoryName = text(category, "name", appeal.categoryName);
        if (category != null && category.isObject()) {
            // a (new) problem type that does not say it is public is not
            JsonNode shown = category.get("publicCategory");
            appeal.publicCategory = shown != null && shown.isBoolean() ? shown.booleanValue() : null;
        }
        String due = text(payload, "dueAt", null);
        if (due != null) {
            try {
                appeal.dueAt = Instant.parse(due);
            } catch (DateTimeParseException ignored) {
                // not a timestamp: keep the known due date
            }
        }
        if (EventCatalog.clearsDueDate(envelope.eventType())) {
            // finished, or reopened: no deadline until routing counts the new one (AppealDeadlineSet)
            appeal.dueAt = null;
        }
        if (EventCatalog.finishes(envelope.eventType())) {
            if (appeal.finishedAt == null) {
                appeal.finishedAt = envelope.occurredAt();
            }
        }
        appeal.updatedAt = Instant.now();
        appeal.persist();
        return appeal;
    }

    private static String text(JsonNode payload, String field, String otherwise) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : otherwise;
    }
}
