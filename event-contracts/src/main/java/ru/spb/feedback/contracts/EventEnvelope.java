package ru.spb.feedback.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event on every topic looks like. The header fields let any consumer decide whether
 * it cares (type, version, visibility) before it reads the type-specific {@code payload}.
 *
 * @param eventId          unique per event; consumers deduplicate on it
 * @param eventType        the payload's {@link EventType#name()}
 * @param schemaVersion    the payload's {@link EventType#version()}
 * @param occurredAt       when the change happened (UTC)
 * @param appealId         the appeal the event is about; also the Kafka key
 * @param appealNumber     the human tracking number, e.g. {@code SPB-2026-000123}
 * @param citizenId        the author's subject id (never contact data)
 * @param municipalityCode OSM relation id of the municipality, once routing has found it
 * @param citizenVisible   whether the citizen is notified of this event
 * @param requestId        the HTTP request that caused it, for tracing; may be null for scheduled work
 * @param payload          the type-specific part
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        UUID appealId,
        String appealNumber,
        String citizenId,
        String municipalityCode,
        boolean citizenVisible,
        String requestId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(appealId, "appealId");
        Objects.requireNonNull(payload, "payload");
    }

    /** Builds the envelope of a new event, taking type, version and visibility from the payload's {@link EventType}. */
    public static EventEnvelope wrap(AppealEvent payload, AppealRef appeal, Instant occurredAt, String requestId) {
        EventType type = EventCatalog.typeOf(payload.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), occurredAt,
                appeal.id(), appeal.number(), appeal.citizenId(), appeal.municipalityCode(),
                type.citizenVisible(), requestId, EventCodec.toTree(payload));
    }

    /** Reads the payload as the given record; fails with {@link MalformedEventException} if it does not fit. */
    public <T extends AppealEvent> T payloadAs(Class<T> type) {
        return EventCodec.fromTree(payload, type);
    }

    /**
     * The appeal fields every envelope repeats.
     *
     * @param municipalityCode null until routing has decided
     */
    public record AppealRef(UUID id, String number, String citizenId, String municipalityCode) {
    }
}
