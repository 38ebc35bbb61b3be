package ru.spb.feedback.notification.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.inbox.Inbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells this copy's live streams about notifications created by any copy. The copy that creates a
 * notification sends {@code NOTIFY notification_created} in the same transaction, so PostgreSQL
 * delivers it to every listening copy exactly when the notification is committed. Each copy
 * listens on a connection of its own (outside the pool), and after losing it reconnects and
 * catches its open streams up on what was created in between.
 */
@ApplicationScoped
public class NotificationChannel {

    public static final String CHANNEL = Inbox.CREATED_CHANNEL;
    private static final Logger LOG = Logger.getLogger(NotificationChannel.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Notifications committed shortly before a connection loss may not have been heard; look back this far. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(10);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    NotificationConfig config;

    @Inject
    LiveStreams streams;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    private final AtomicBoolean listening = new AtomicBoolean(false);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        Gauge.builder("notification.stream.listener.connected", listening, connected -> connected.get() ? 1 : 0)
                .description("1 while this copy listens for new notifications in the database")
                .register(meters);
        running = true;
        thread = new Thread(this::run, "notification-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether this copy currently hears about new notifications. */
    public boolean listening() {
        return listening.get();
    }

    private void run() {
        Instant lostAt = null;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening.set(true);
                if (lostAt != null) {
                    LOG.info("listening for new notifications again; catching up the open streams");
                    catchUp(lostAt.minus(CATCH_UP_MARGIN));
                    lostAt = null;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (listening.getAndSet(false) || lostAt == null) {
                    LOG.warnf("lost the notification listener connection (%s); reconnecting", e.getClass().getSimpleName());
                    lostAt = Instant.now();
                }
                try {
                    Thread.sleep(config.stream().listenerReconnect().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        listening.set(false);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "notification-listener");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL");
        }
        connection.setAutoCommit(true);
        return connection;
    }

    /** Pushes one announced notification to this copy's streams of its citizen, if any. */
    private void deliver(String announcement) {
        try {
            JsonNode parsed = json.readTree(announcement);
            String citizen = parsed.path("citizen").asText(null);
            if (citizen == null || !streams.hasStreams(citizen)) {
                return;
            }
            inbox.find(UUID.fromString(parsed.path("id").asText()))
                    .ifPresent(notification -> streams.push(citizen, notification));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("ignored an unreadable notification announcement (%s)", e.getClass().getSimpleName());
        }
    }

    private void catchUp(Instant since) {
        for (String citizen : streams.citizens()) {
            inbox.since(citizen, since, config.stream().replayLimit())
                    .forEach(notification -> streams.push(citizen, notification));
        }
    }
}
