package ru.spb.feedback.messaging.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox backlog as Prometheus gauges: how many rows wait and how old the oldest is. A growing
 * age is the signal that Kafka (or the relay) is down while intake goes on.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final long CACHE_MILLIS = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private volatile Backlog cached = new Backlog(0, 0, 0);

    void register(@Observes StartupEvent startup) {
        Gauge.builder("outbox.backlog.rows", this, metrics -> metrics.backlog().rows())
                .description("Outbox rows not yet published to Kafka")
                .tag("service", applicationName)
                .register(meters);
        Gauge.builder("outbox.backlog.oldest.age.seconds", this, metrics -> metrics.backlog().oldestAgeSeconds())
                .description("Age of the oldest unpublished outbox row")
                .tag("service", applicationName)
                .register(meters);
    }

    /** Read on scrape, at most once a second. */
    public Backlog backlog() {
        Backlog current = cached;
        if (System.currentTimeMillis() - current.readAt() < CACHE_MILLIS) {
            return current;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) "
                     + "from outbox_event where published_at is null")) {
            row.next();
            current = new Backlog(row.getLong(1), row.getDouble(2), System.currentTimeMillis());
            cached = current;
        } catch (SQLException e) {
            LOG.debug("cannot read the outbox backlog", e);
        }
        return current;
    }

    /** @param readAt epoch millis of the reading */
    public record Backlog(long rows, double oldestAgeSeconds, long readAt) {
    }
}
