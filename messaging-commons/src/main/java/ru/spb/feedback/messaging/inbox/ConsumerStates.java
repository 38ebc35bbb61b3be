package ru.spb.feedback.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** What each consumer of this service is doing, for {@link ConsumersHealthCheck}. */
@ApplicationScoped
public class ConsumerStates {

    /**
     * @param retrying    whether the consumer is retrying a record now
     * @param transiently whether what it waits for passes by itself (the database is down)
     * @param since       when the current retrying began, or null
     * @param errorClass  the failure's class (never its message), or null
     * @param lastHandled when it last finished a record, or null
     */
    public record State(boolean retrying, boolean transiently, Instant since, String errorClass, Instant lastHandled) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    void handled(String consumer) {
        states.put(consumer, new State(false, false, null, null, Instant.now()));
    }

    void retrying(String consumer, Throwable failure, boolean transientFailure) {
        states.compute(consumer, (name, state) -> new State(true, transientFailure,
                state != null && state.retrying() ? state.since() : Instant.now(),
                failure.getClass().getName(), state == null ? null : state.lastHandled()));
    }

    public Map<String, State> all() {
        return new TreeMap<>(states);
    }
}
