package ru.spb.feedback.notification.template;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRouted;
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
        appeal.address = payload.address();
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
     * ({@code municipalityName}, {@code organizationName}, {@code dueAt}), so a new event type
     * that moves the deadline needs no code here.
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
        String due = text(payload, "dueAt", null);
        if (due != null) {
            try {
                appeal.dueAt = Instant.parse(due);
            } catch (DateTimeParseException ignored) {
                // not a timestamp: keep the known due date
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
