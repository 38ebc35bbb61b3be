package ru.spb.feedback.messaging.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealWithdrawn;
import ru.spb.feedback.contracts.EventEnvelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which handler takes an event: the lookup {@link InboundEvents} asks before it claims anything. */
class EventHandlersTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void aTypedHandlerWinsOverTheFallbackEvenWhenTheFallbackMatches() {
        EventHandlers handlers = new EventHandlers()
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed " + withdrawn.previousStatus()))
                .otherwise(envelope -> true, envelope -> ran.add("fallback " + envelope.eventType()));

        run(handlers, event(new AppealWithdrawn(AppealStatus.ROUTED)));

        assertThat(ran).containsExactly("typed ROUTED");
    }

    @Test
    void theFallbackTakesMatchingTypesThatHaveNoTypedHandler() {
        EventHandlers handlers = new EventHandlers()
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed"))
                .otherwise(EventEnvelope::citizenVisible, envelope -> ran.add("fallback " + envelope.eventType()));

        run(handlers, event(new AppealClosed(AppealClosed.Resolution.SATISFIED, 5)));

        assertThat(ran).containsExactly("fallback AppealClosed");
    }

    @Test
    void aTypeWithoutTypedHandlerThatTheFallbackRefusesIsSkipped() {
        EventHandlers handlers = new EventHandlers()
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed"))
                .otherwise(envelope -> false, envelope -> ran.add("fallback"));

        assertThat(handlers.forEnvelope(event(new AppealClosed(AppealClosed.Resolution.SATISFIED, 5)))).isEmpty();
    }

    @Test
    void withoutAFallbackOnlyTheTypedHandlersTakeEvents() {
        EventHandlers handlers = new EventHandlers().on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed"));

        assertThat(handlers.forEnvelope(event(new AppealClosed(AppealClosed.Resolution.SATISFIED, 5)))).isEmpty();
        assertThat(handlers.forEnvelope(event(new AppealWithdrawn(AppealStatus.ROUTED)))).isPresent();
    }

    @Test
    void aTypeUnknownToTheCatalogIsSkippedUnlessTheFallbackTakesIt() {
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "SomethingNewer", 1, Instant.now(), UUID.randomUUID(),
                "SPB-TEST", "someone", null, true, null, JsonNodeFactory.instance.objectNode());
        EventHandlers typedOnly = new EventHandlers().on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed"));
        EventHandlers withFallback = new EventHandlers()
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("typed"))
                .otherwise(EventEnvelope::citizenVisible, envelope -> ran.add("fallback " + envelope.eventType()));

        assertThat(typedOnly.forEnvelope(unknown)).isEmpty();
        run(withFallback, unknown);
        assertThat(ran).containsExactly("fallback SomethingNewer");
    }

    @Test
    void theLastRegistrationForATypeAndTheLastFallbackWin() {
        EventHandlers handlers = new EventHandlers()
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("first typed"))
                .on(AppealWithdrawn.class, (envelope, withdrawn) -> ran.add("second typed"))
                .otherwise(envelope -> true, envelope -> ran.add("first fallback"))
                .otherwise(envelope -> true, envelope -> ran.add("second fallback"));

        run(handlers, event(new AppealWithdrawn(AppealStatus.ROUTED)));
        run(handlers, event(new AppealClosed(AppealClosed.Resolution.NOT_RATED, null)));

        assertThat(ran).containsExactly("second typed", "second fallback");
    }

    private static void run(EventHandlers handlers, EventEnvelope envelope) {
        handlers.forEnvelope(envelope).orElseThrow(() -> new AssertionError("no handler for " + envelope.eventType()))
                .accept(envelope);
    }

    static EventEnvelope event(AppealEvent payload) {
        return EventEnvelope.wrap(payload, new EventEnvelope.AppealRef(UUID.randomUUID(), "SPB-TEST", "someone", null),
                Instant.now(), null);
    }
}
