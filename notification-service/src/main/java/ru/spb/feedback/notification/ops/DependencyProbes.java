package ru.spb.feedback.notification.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import ru.spb.feedback.notification.email.SmtpProbe;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SMTP reachability as a metric ({@code notification_smtp_reachable}: 1 or 0), probed in the
 * background so a scrape never waits for a dead server. The same state is in the health group
 * {@code smtp}; Kafka's is {@code kafka_reachable} and the group {@code kafka} (messaging-commons).
 */
@ApplicationScoped
public class DependencyProbes {

    @Inject
    SmtpProbe smtp;

    @Inject
    MeterRegistry meters;

    private final AtomicBoolean smtpUp = new AtomicBoolean();

    void register(@Observes StartupEvent startup) {
        Gauge.builder("notification.smtp.reachable", smtpUp, up -> up.get() ? 1 : 0)
                .description("1 when the last probe got the SMTP server's greeting")
                .register(meters);
    }

    @Scheduled(every = "${notification.probe-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        smtpUp.set(smtp.probe().up());
    }
}
