package ru.spb.feedback.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;

import java.time.Instant;

/**
 * Writes events to the outbox. Callers are inside the transaction that changes the state the
 * event reports, so the event exists exactly when the change does.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, EventEnvelope envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.messageKey = envelope.appealId().toString();
        row.eventType = envelope.eventType();
        row.schemaVersion = envelope.schemaVersion();
        row.payload = EventCodec.encodeToString(envelope);
        row.requestId = envelope.requestId();
        row.createdAt = Instant.now();
        row.persist();
        // let the relay publish right after the commit instead of waiting for its next tick
        relay.nudgeAfterCommit();
    }
}
