package ru.spb.feedback.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealWithdrawn;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.messaging.inbox.EventHandlersTest.event;

/**
 * {@link InboundEvents} on the real {@code processed_event} table and the real dead-letter topic:
 * what happens to a record with each kind of handler, and how a failing handler is retried.
 */
@QuarkusTest
class InboundEventsTest {

    private static final String CONSUMER = "inbound-events-test";

    @Inject
    InboundEvents inbound;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "messaging.inbound.max-attempts")
    int maxAttempts;

    private long offset;

    @Test
    void theTypedHandlerRunsOnceAndARedeliveryIsADuplicate() {
        List<String> ran = new ArrayList<>();
        EventHandlers handlers = new EventHandlers()
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed"))
                .otherwise(envelope -> true, envelope -> ran.add("fallback"));
        EventEnvelope withdrawn = event(new AppealWithdrawn(AppealStatus.ROUTED));

        assertThat(inbound.process(CONSUMER, record(withdrawn), handlers)).isEqualTo(InboundEvents.Outcome.HANDLED);
        assertThat(inbound.process(CONSUMER, record(withdrawn), handlers)).isEqualTo(InboundEvents.Outcome.DUPLICATE);

        assertThat(ran).containsExactly("typed");
        assertThat(processed(withdrawn)).isTrue();
    }

    @Test
    void aTypeNoHandlerTakesIsSkippedNotClaimedAndNotDeadLettered() {
        EventHandlers handlers = new EventHandlers().on(AppealWithdrawn.class, (envelope, withdrawn) -> { });
        EventEnvelope closed = event(new AppealClosed(AppealClosed.Resolution.SATISFIED, 5));

        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter(CONSUMER))) {
            assertThat(inbound.process(CONSUMER, record(closed), handlers)).isEqualTo(InboundEvents.Outcome.SKIPPED);
            dead.assertNothingMore(r -> closed.appealId().toString().equals(r.key()), Duration.ofSeconds(2));
        }
        assertThat(processed(closed)).as("a skipped event is not recorded as processed").isFalse();
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>(Topics.APPEAL_EVENTS, 0, offset++, key,
                "not an event".getBytes(StandardCharsets.UTF_8));

        assertThat(inbound.process(CONSUMER, garbage, new EventHandlers())).isEqualTo(InboundEvents.Outcome.DEAD_LETTERED);
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter(CONSUMER))) {
            ConsumerRecord<String, byte[]> letter = dead.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            assertThat(TopicReader.header(letter, DeadLetters.CONSUMER)).isEqualTo(CONSUMER);
        }
    }

    @Test
    void aFailingHandlerIsRetriedWithGrowingWaitsAndDeadLetteredAfterTheLastAttempt() {
        List<Long> attempts = new ArrayList<>();
        EventHandlers handlers = new EventHandlers().on(AppealWithdrawn.class, (envelope, withdrawn) -> {
            attempts.add(System.nanoTime());
            throw new IllegalStateException("this handler always fails");
        });
        EventEnvelope withdrawn = event(new AppealWithdrawn(AppealStatus.ROUTED));

        assertThat(inbound.process(CONSUMER, record(withdrawn), handlers)).isEqualTo(InboundEvents.Outcome.DEAD_LETTERED);

        assertThat(attempts).hasSize(maxAttempts);
        List<Duration> waits = waits(attempts);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(450), Duration.ofMillis(950));
        assertThat(waits.get(1)).as("the second wait doubles the first").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(processed(withdrawn)).as("the failed attempts rolled back their claim").isFalse();
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter(CONSUMER))) {
            dead.await(r -> withdrawn.appealId().toString().equals(r.key()), 1, Duration.ofSeconds(20));
        }
    }

    @Test
    void aHandlerThatRecoversIsHandledAndTheNextRecordStartsWithTheShortestWait() {
        List<Long> attempts = new ArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(maxAttempts - 1);
        EventHandlers handlers = new EventHandlers().on(AppealWithdrawn.class, (envelope, withdrawn) -> {
            attempts.add(System.nanoTime());
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("fails for a while");
            }
        });
        EventEnvelope first = event(new AppealWithdrawn(AppealStatus.ROUTED));
        assertThat(inbound.process(CONSUMER, record(first), handlers)).isEqualTo(InboundEvents.Outcome.HANDLED);
        assertThat(processed(first)).isTrue();

        attempts.clear();
        failuresLeft.set(1);
        EventEnvelope next = event(new AppealWithdrawn(AppealStatus.ROUTED));
        assertThat(inbound.process(CONSUMER, record(next), handlers)).isEqualTo(InboundEvents.Outcome.HANDLED);

        assertThat(attempts).hasSize(2);
        assertThat(waits(attempts).get(0)).as("the wait starts again from the shortest")
                .isBetween(Duration.ofMillis(450), Duration.ofMillis(950));
    }

    private ConsumerRecord<String, byte[]> record(EventEnvelope envelope) {
        return new ConsumerRecord<>(Topics.APPEAL_EVENTS, 0, offset++, envelope.appealId().toString(), EventCodec.encode(envelope));
    }

    private static List<Duration> waits(List<Long> attempts) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            waits.add(Duration.ofNanos(attempts.get(i) - attempts.get(i - 1)));
        }
        return waits;
    }

    private boolean processed(EventEnvelope envelope) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where consumer = :consumer and event_id = :eventId")
                .setParameter("consumer", CONSUMER).setParameter("eventId", envelope.eventId()).getSingleResult()).intValue() == 1);
    }
}
