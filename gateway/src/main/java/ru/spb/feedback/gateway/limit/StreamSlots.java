package ru.spb.feedback.gateway.limit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.gateway.config.GatewayConfig;
import ru.spb.feedback.web.Problem;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live streams each citizen holds open through this gateway copy, at most {@code gateway.streams.per-citizen}:
 * one citizen's runaway tabs cannot take the stream pool from everyone else. Per copy, like the rate limits.
 */
@ApplicationScoped
public class StreamSlots {

    private final int perCitizen;
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamSlots(GatewayConfig config, MeterRegistry registry) {
        this.perCitizen = config.streams().perCitizen();
        this.registry = registry;
    }

    /** One open stream; {@link #release()} it when the stream ends, however it ends (more calls do nothing). */
    public final class Slot {
        private final String subject;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subject) {
            this.subject = subject;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(subject, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    /** A slot for one more stream of the subject, or empty if it holds as many as allowed. */
    public Optional<Slot> take(String subject) {
        boolean[] taken = {false};
        open.compute(subject, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perCitizen) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            registry.counter("gateway.streams.refused", "reason", "per-citizen").increment();
            return Optional.empty();
        }
        return Optional.of(new Slot(subject));
    }

    /** The answer to a stream beyond the cap; it names no citizen. */
    public Problem refusal() {
        return Problem.of(429, "too-many-streams", "Too many streams",
                "At most " + perCitizen + " live streams may be open at once; close one first");
    }
}
