package ru.spb.feedback.messaging.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this copy reaches Kafka, as the gauge {@code kafka_reachable} (1 or 0): probed in the
 * background, so a scrape never waits for a dead broker, and set at once by the outbox relay's
 * passes. Consumer-only services get it too.
 */
@ApplicationScoped
public class KafkaReachability {

    @Inject
    KafkaAdmin admin;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final AtomicBoolean reachable = new AtomicBoolean(false);

    void register(@Observes StartupEvent startup) {
        Gauge.builder("kafka.reachable", reachable, up -> up.get() ? 1 : 0)
                .description("1 when this copy last reached a Kafka broker")
                .tag("service", applicationName)
                .register(meters);
    }

    @Scheduled(every = "${kafka.probe-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        try {
            reachable.set(admin.brokerCount() > 0);
        } catch (KafkaAdmin.KafkaUnavailableException e) {
            reachable.set(false);
        }
    }

    /** Records what a real use of Kafka just showed; returns whether that changed the state. */
    public boolean observed(boolean up) {
        return reachable.getAndSet(up) != up;
    }
}
