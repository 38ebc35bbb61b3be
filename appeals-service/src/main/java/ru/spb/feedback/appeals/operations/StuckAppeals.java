package ru.spb.feedback.appeals.operations;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import ru.spb.feedback.appeals.config.AppealsConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Appeals left in {@code REGISTERED} longer than {@code appeals.operations.stuck-registered-after}:
 * nobody routed them, so routing-service or Kafka is not doing its part although intake (and
 * readiness) is fine. Shown as the gauges {@code appeals_stuck_registered} and
 * {@code appeals_oldest_registered_age_seconds}, and by {@link StuckAppealsCheck}. The database is
 * asked at most once per {@code stuck-check-interval}, however often they are read.
 */
@ApplicationScoped
public class StuckAppeals {

    private static final Logger LOG = Logger.getLogger(StuckAppeals.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    AppealsConfig config;

    /** Nothing read yet: the first caller reads. */
    private volatile Snapshot cached = new Snapshot(0, null, Instant.EPOCH);

    /**
     * @param stuck          appeals registered before the threshold and still REGISTERED
     * @param oldest         registration time of the oldest REGISTERED appeal; null if none is
     * @param readAt         when the database said so
     */
    public record Snapshot(long stuck, Instant oldest, Instant readAt) {

        /** How long the oldest REGISTERED appeal has waited, as of now (0 if none waits). */
        public double oldestAgeSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        }
    }

    void register(@Observes StartupEvent startup) {
        Gauge.builder("appeals.stuck.registered", this, appeals -> appeals.snapshot().stuck())
                .description("Appeals still REGISTERED longer than appeals.operations.stuck-registered-after")
                .register(meters);
        Gauge.builder("appeals.oldest.registered.age.seconds", this, appeals -> appeals.snapshot().oldestAgeSeconds())
                .description("How long the oldest appeal still REGISTERED has waited for routing")
                .register(meters);
    }

    public Duration threshold() {
        return config.operations().stuckRegisteredAfter();
    }

    /** The latest figures, read again if older than the check interval. */
    public Snapshot snapshot() {
        Snapshot current = cached;
        if (current.readAt().plus(config.operations().stuckCheckInterval()).isAfter(Instant.now())) {
            return current;
        }
        synchronized (this) {
            current = cached;
            if (current.readAt().plus(config.operations().stuckCheckInterval()).isAfter(Instant.now())) {
                return current;
            }
            Instant now = Instant.now();
            // index appeal_registered_idx: only the REGISTERED rows are touched
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("""
                         select count(*) filter (where registered_at < ?), min(registered_at)
                           from appeal where status = 'REGISTERED'""")) {
                statement.setTimestamp(1, Timestamp.from(now.minus(threshold())));
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    Timestamp oldest = row.getTimestamp(2);
                    current = new Snapshot(row.getLong(1), oldest == null ? null : oldest.toInstant(), now);
                    cached = current;
                }
            } catch (SQLException e) {
                // keep showing the last reading; readiness reports the database itself
                LOG.debugf("cannot count stuck appeals: %s", e.toString());
            }
            return current;
        }
    }
}
