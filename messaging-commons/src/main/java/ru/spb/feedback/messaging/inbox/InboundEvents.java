package ru.spb.feedback.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.MalformedEventException;
import ru.spb.feedback.web.TransientFailures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way a service consumes events: decode, skip what it does not handle, dead-letter what
 * it cannot read, and run the handler at most once per event — the event id is recorded in
 * {@code processed_event} in the handler's own transaction.
 * <p>
 * A failure that passes by itself ({@link TransientFailures}: database down, restarting, out of
 * connections) is retried with backoff for as long as it lasts, holding the partition, so nothing
 * is skipped or reordered. Any other failure is tried {@code messaging.inbound.max-attempts} times
 * and then goes to the dead-letter topic, so one bad record cannot stop its partition for ever.
 * Either way the consumer itself keeps running (ADR 0014).
 * <p>
 * A poll's records are handled together ({@link #processBatch}): one transaction for the batch,
 * each event still claimed on its own, so a batch costs one commit instead of one per record (ADR
 * 0020). If anything in the batch fails, the transaction rolls back as a whole and the batch is
 * handled again one record at a time under the rules above, so a failure means exactly what it
 * meant before.
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

    @ConfigProperty(name = "messaging.inbound.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    ConsumerStates states;

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** What happened to one record. */
    public enum Outcome {
        HANDLED, DUPLICATE, SKIPPED, DEAD_LETTERED
    }

    /** A poll's records as a list: partition by partition, each partition in offset order (so each appeal's in order). */
    public static List<ConsumerRecord<String, byte[]>> inOrder(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }

    /**
     * Handles a poll's records in order, in one transaction; on any failure, one at a time with
     * {@link #process}. Returns each record's outcome, in order.
     */
    public List<Outcome> processBatch(String consumer, List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        if (records.size() == 1) {
            return List.of(process(consumer, records.get(0), handlers));
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        List<String> skippedTypes = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (ConsumerRecord<String, byte[]> record : records) {
                    EventEnvelope envelope = EventCodec.decode(record.value());
                    Outcome outcome = handleInTransaction(consumer, envelope, handlers);
                    if (outcome == Outcome.SKIPPED) {
                        skippedTypes.add(envelope.eventType());
                    }
                    outcomes.add(outcome);
                    // write this record's changes and forget its entities: otherwise every later query
                    // of the batch dirty-checks all of them before it runs (a flush per native query)
                    entityManager.flush();
                    entityManager.clear();
                }
            });
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            LOG.debugf("%s: a batch of %d records failed (%s); handling them one at a time", consumer, records.size(),
                    rootCause(e).getClass().getSimpleName());
            // counted again by process, so nothing of the rolled-back pass is counted
            List<Outcome> oneByOne = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                oneByOne.add(process(consumer, record, handlers));
            }
            return oneByOne;
        }
        skippedTypes.forEach(type -> meters.counter("events.skipped", "consumer", consumer, "type", type).increment());
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        outcomes.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        counts.forEach((outcome, count) -> meters.counter("events.consumed", "consumer", consumer,
                "outcome", outcome.name().toLowerCase()).increment(count));
        states.handled(consumer);
        return outcomes;
    }

    public Outcome process(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        Duration wait = FIRST_RETRY;
        int failures = 0;
        while (true) {
            try {
                Outcome outcome = attempt(consumer, record, handlers);
                meters.counter("events.consumed", "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment();
                states.handled(consumer);
                return outcome;
            } catch (MalformedEventException e) {
                states.handled(consumer);
                return deadLetter(consumer, record, e);
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                boolean passes = TransientFailures.isTransient(e);
                if (!passes && ++failures >= maxAttempts) {
                    states.handled(consumer);
                    return deadLetter(consumer, record, new HandlerFailed(failures, rootCause(e)));
                }
                states.retrying(consumer, rootCause(e), passes);
                LOG.warnf("%s could not handle the record at %s-%d@%d (%s, %s); retrying in %d ms", consumer, record.topic(),
                        record.partition(), record.offset(), rootCause(e).getClass().getSimpleName(),
                        passes ? "waiting for it to pass" : "attempt " + failures + " of " + maxAttempts, wait.toMillis());
                LOG.debug("handler failure", e);
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** Why a record was given up: the attempts, never the handler's message (it may quote the record). */
    static final class HandlerFailed extends Exception {
        HandlerFailed(int attempts, Throwable cause) {
            super("the handler failed " + attempts + " times", cause);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Outcome attempt(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        EventEnvelope envelope = EventCodec.decode(record.value());
        if (handlers.forEnvelope(envelope).isEmpty()) {
            meters.counter("events.skipped", "consumer", consumer, "type", envelope.eventType()).increment();
            return Outcome.SKIPPED;
        }
        return QuarkusTransaction.requiringNew().call(() -> handleInTransaction(consumer, envelope, handlers));
    }

    /** Claims and handles one event in the caller's transaction; SKIPPED (not counted here) if no handler takes it. */
    private Outcome handleInTransaction(String consumer, EventEnvelope envelope, EventHandlers handlers) {
        Optional<Consumer<EventEnvelope>> handler = handlers.forEnvelope(envelope);
        if (handler.isEmpty()) {
            return Outcome.SKIPPED;
        }
        if (envelope.requestId() != null) {
            MDC.put("requestId", envelope.requestId());
        }
        try {
            if (!claim(consumer, envelope)) {
                return Outcome.DUPLICATE;
            }
            handler.get().accept(envelope);
            return Outcome.HANDLED;
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

    private Outcome deadLetter(String consumer, ConsumerRecord<String, byte[]> record, Exception error) {
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
