package ru.spb.feedback.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * Prometheus metrics of deliveries: attempts by channel and outcome
 * ({@code notification_deliveries_total}), and the retry backlog per channel — deliveries waiting
 * for an attempt and the age of the oldest ({@code notification_delivery_backlog},
 * {@code notification_delivery_backlog_oldest_age_seconds}).
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);
    private static final long CACHE_MILLIS = 1000;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    private volatile Map<Channel, double[]> backlog = new EnumMap<>(Channel.class);
    private volatile long readAt;

    void register(@Observes StartupEvent startup) {
        for (Channel channel : new Channel[]{Channel.EMAIL, Channel.WEBHOOK}) {
            Gauge.builder("notification.delivery.backlog", this, metrics -> metrics.backlog(channel)[0])
                    .description("Deliveries waiting for their first attempt or a retry")
                    .tag("channel", channel.tag())
                    .register(meters);
            Gauge.builder("notification.delivery.backlog.oldest.age.seconds", this, metrics -> metrics.backlog(channel)[1])
                    .description("How long the oldest waiting delivery has existed")
                    .tag("channel", channel.tag())
                    .register(meters);
            for (AttemptOutcome outcome : AttemptOutcome.values()) {
                meters.counter("notification.deliveries", "channel", channel.tag(), "outcome", outcome.name().toLowerCase());
            }
        }
        meters.counter("notification.deliveries", "channel", Channel.IN_APP.tag(), "outcome", "delivered");
    }

    /** Counts one attempt. */
    public void attempted(Channel channel, AttemptOutcome outcome) {
        meters.counter("notification.deliveries", "channel", channel.tag(), "outcome", outcome.name().toLowerCase()).increment();
    }

    /** Counts a delivery that was given up after its last attempt. */
    public void gaveUp(Channel channel) {
        meters.counter("notification.deliveries.failed.final", "channel", channel.tag()).increment();
    }

    /** [waiting rows, oldest age in seconds], read at most once a second. */
    private double[] backlog(Channel channel) {
        if (System.currentTimeMillis() - readAt >= CACHE_MILLIS) {
            Map<Channel, double[]> fresh = new EnumMap<>(Channel.class);
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select channel, count(*), coalesce(extract(epoch from now() - min(created_at)), 0) "
                         + "from delivery where status = 'PENDING' group by channel")) {
                while (rows.next()) {
                    fresh.put(Channel.valueOf(rows.getString(1)), new double[]{rows.getLong(2), rows.getDouble(3)});
                }
                backlog = fresh;
                readAt = System.currentTimeMillis();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("cannot read the delivery backlog", e);
            }
        }
        return backlog.getOrDefault(channel, new double[]{0, 0});
    }
}
