package ru.spb.feedback.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.MalformedEventException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way a service consumes events: decode, skip what it does not handle, dead-letter what
 * it cannot read, and run the handler at most once per event — the event id is recorded in
 * {@code processed_event} in the handler's own transaction. A failure that may pass (database
 * down) is retried with backoff, holding the partition, so nothing is skipped or reordered.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry meters;

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** What happened to one record. */
    public enum Outcome {
        HANDLED, DUPLICATE, SKIPPED, DEAD_LETTERED
    }

    public Outcome process(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                Outcome outcome = attempt(consumer, record, handlers);
                meters.counter("events.consumed", "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment();
                return outcome;
            } catch (MalformedEventException e) {
                return deadLetter(consumer, record, e);
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.warnf("%s could not handle the record at %s-%d@%d (%s); retrying in %d ms", consumer, record.topic(),
                        record.partition(), record.offset(), e.getClass().getSimpleName(), wait.toMillis());
                LOG.debug("handler failure", e);
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private Outcome attempt(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        EventEnvelope envelope = EventCodec.decode(record.value());
        Optional<Consumer<EventEnvelope>> handler = handlers.forEnvelope(envelope);
        if (handler.isEmpty()) {
            meters.counter("events.skipped", "consumer", consumer, "type", envelope.eventType()).increment();
            return Outcome.SKIPPED;
        }
        if (envelope.requestId() != null) {
            MDC.put("requestId", envelope.requestId());
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!claim(consumer, envelope)) {
                    return Outcome.DUPLICATE;
                }
                handler.get().accept(envelope);
                return Outcome.HANDLED;
            });
        } finally {
            MDC.remove("requestId");
        }
    }

    /** Records the event as processed by this consumer; false if it already was. */
    private boolean claim(String consumer, EventEnvelope envelope) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values (:consumer, :eventId, :eventType, :now)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", envelope.eventId())
                .setParameter("eventType", envelope.eventType())
                .setParameter("now", Instant.now())
                .executeUpdate() == 1;
    }

    private Outcome deadLetter(String consumer, ConsumerRecord<String, byte[]> record, MalformedEventException error) {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                deadLetters.send(consumer, record, error);
                LOG.warnf("%s sent the record at %s-%d@%d to its dead-letter topic: %s", consumer, record.topic(),
                        record.partition(), record.offset(), error.getMessage());
                meters.counter("events.consumed", "consumer", consumer, "outcome", "dead_lettered").increment();
                return Outcome.DEAD_LETTERED;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (stopping || Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("cannot dead-letter a record while stopping", e);
                }
                LOG.warnf("%s cannot reach its dead-letter topic (%s); retrying", consumer, e.getClass().getSimpleName());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
