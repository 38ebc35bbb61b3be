package ru.spb.feedback.messaging.inbox;

import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.EventCatalog;
import ru.spb.feedback.contracts.EventEnvelope;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What one consumer does with each event type it cares about. Types without a handler are
 * skipped (and counted), never dead-lettered.
 */
public final class EventHandlers {

    /** Handles one event; runs inside the transaction that also records the event as processed. */
    @FunctionalInterface
    public interface Handler<T extends AppealEvent> {
        void handle(EventEnvelope envelope, T payload);
    }

    private record Entry<T extends AppealEvent>(Class<T> type, Handler<T> handler) {
        void run(EventEnvelope envelope) {
            handler.handle(envelope, envelope.payloadAs(type));
        }
    }

    /** Handles any event the consumer accepts by predicate, reading the payload itself if it needs to. */
    @FunctionalInterface
    public interface EnvelopeHandler {
        void handle(EventEnvelope envelope);
    }

    private final Map<String, Entry<?>> byName = new HashMap<>();
    private Predicate<EventEnvelope> fallbackMatches = envelope -> false;
    private EnvelopeHandler fallback;

    public <T extends AppealEvent> EventHandlers on(Class<T> type, Handler<T> handler) {
        byName.put(EventCatalog.typeOf(type).name(), new Entry<>(type, handler));
        return this;
    }

    /**
     * Handles every event that has no typed handler and matches {@code matches} — for a consumer
     * that treats many types alike (notifications for every citizen-visible event), so a new event
     * type needs no change to its consumer loop.
     */
    public EventHandlers otherwise(Predicate<EventEnvelope> matches, EnvelopeHandler handler) {
        this.fallbackMatches = matches;
        this.fallback = handler;
        return this;
    }

    /** The handler for the envelope, reading the payload when it runs; empty if the consumer skips it. */
    Optional<Consumer<EventEnvelope>> forEnvelope(EventEnvelope envelope) {
        Entry<?> entry = byName.get(envelope.eventType());
        if (entry != null) {
            return Optional.of(entry::run);
        }
        if (fallback != null && fallbackMatches.test(envelope)) {
            return Optional.of(fallback::handle);
        }
        return Optional.empty();
    }
}
