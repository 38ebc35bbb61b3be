package ru.spb.feedback.notification.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import ru.spb.feedback.notification.inbox.NotificationView;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live streams open on this copy, by citizen. New notifications reach them through
 * {@link NotificationChannel}, which hears about every notification created by any copy.
 */
@ApplicationScoped
public class LiveStreams {

    /** How many recently sent ids a stream remembers, so replays and catch-ups never repeat one. */
    private static final int REMEMBERED = 500;

    @Inject
    MeterRegistry meters;

    private final ConcurrentMap<String, Set<Subscriber>> byCitizen = new ConcurrentHashMap<>();

    void registerGauge(@Observes StartupEvent startup) {
        Gauge.builder("notification.stream.connections", byCitizen,
                        streams -> streams.values().stream().mapToInt(Set::size).sum())
                .description("Live notification streams open on this copy")
                .register(meters);
    }

    /** One open stream of one citizen. */
    public final class Subscriber {
        private final String citizenId;
        private final UnicastProcessor<LiveItem> sink;
        private final Set<UUID> sent = new LinkedHashSet<>();

        private Subscriber(String citizenId, UnicastProcessor<LiveItem> sink) {
            this.citizenId = citizenId;
            this.sink = sink;
        }

        /** Sends the notification unless this stream already had it. */
        public synchronized void send(NotificationView notification) {
            if (!sent.add(notification.id())) {
                return;
            }
            if (sent.size() > REMEMBERED) {
                Iterator<UUID> oldest = sent.iterator();
                oldest.next();
                oldest.remove();
            }
            sink.onNext(LiveItem.of(notification));
        }

        public synchronized void comment(String text) {
            sink.onNext(LiveItem.comment(text));
        }

        public void close() {
            Set<Subscriber> streams = byCitizen.get(citizenId);
            if (streams != null) {
                streams.remove(this);
                byCitizen.computeIfPresent(citizenId, (id, set) -> set.isEmpty() ? null : set);
            }
        }
    }

    public Subscriber open(String citizenId, UnicastProcessor<LiveItem> sink) {
        Subscriber subscriber = new Subscriber(citizenId, sink);
        byCitizen.computeIfAbsent(citizenId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return subscriber;
    }

    public boolean hasStreams(String citizenId) {
        Set<Subscriber> streams = byCitizen.get(citizenId);
        return streams != null && !streams.isEmpty();
    }

    /** The citizens with a stream open here. */
    public Set<String> citizens() {
        return Set.copyOf(byCitizen.keySet());
    }

    /** Pushes the notification to every stream of its citizen on this copy, and nobody else's. */
    public void push(String citizenId, NotificationView notification) {
        Set<Subscriber> streams = byCitizen.get(citizenId);
        if (streams != null) {
            streams.forEach(subscriber -> subscriber.send(notification));
        }
    }
}
