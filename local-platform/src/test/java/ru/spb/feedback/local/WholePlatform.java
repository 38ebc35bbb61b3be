package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.testsupport.InJvmKafka;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform for the gateway's end-to-end tests, started once per test run and shared by
 * every class that asks for it ({@code @ExtendWith(WholePlatform.Resolver.class)}, then a
 * {@code WholePlatform} parameter): PostgreSQL, a Kafka broker, an SMTP server and the four built
 * jars — routing, appeals, notification and the gateway in front of them. Tests call the gateway
 * only; a test that stops a service starts it again before it ends.
 */
final class WholePlatform implements AutoCloseable {

    static final String ROUTING = "routing-service";
    static final String APPEALS = "appeals-service";
    static final String NOTIFICATION = "notification-service";
    static final String GATEWAY = "gateway";

    /**
     * Per-subject buckets small enough that a test can run one dry in a burst, refilled fast
     * enough (10 a second) that polling every 200 ms never does. Every test comes from
     * 127.0.0.1, so the per-IP bucket must not be the one that stops anybody.
     */
    static final int READ_CAPACITY = 30;
    private static final Map<String, String> RATE_LIMITS = Map.of(
            "GATEWAY_RATE_LIMIT_READ_CAPACITY", String.valueOf(READ_CAPACITY),
            "GATEWAY_RATE_LIMIT_READ_REFILL_PER_MINUTE", "600",
            "GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "30",
            "GATEWAY_RATE_LIMIT_WRITE_REFILL_PER_MINUTE", "600",
            "GATEWAY_RATE_LIMIT_PER_IP_CAPACITY", "100000",
            "GATEWAY_RATE_LIMIT_PER_IP_REFILL_PER_MINUTE", "1000000");

    private final PostgresServer postgres;
    private final InJvmKafka kafka;
    private final Mailbox mailbox;
    private final MapTiles tiles;
    private final PlatformProcesses processes;
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final Map<String, String> databases = new HashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();

    private WholePlatform(PostgresServer postgres, InJvmKafka kafka, Mailbox mailbox, MapTiles tiles, PlatformProcesses processes) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mailbox = mailbox;
        this.tiles = tiles;
        this.processes = processes;
    }

    static WholePlatform start() throws Exception {
        return start(Postgres.findOrStart(), InJvmKafka.start(), "e2e_gateway");
    }

    /**
     * The platform on a given database server and broker (closed with it), the services' databases
     * named {@code <prefix>_routing}, {@code <prefix>_appeals}, {@code <prefix>_notification}.
     */
    static WholePlatform start(PostgresServer postgres, InJvmKafka kafka, String databasePrefix) throws Exception {
        return start(postgres, kafka, databasePrefix, Map.of());
    }

    /**
     * The platform as {@link #start(PostgresServer, InJvmKafka, String)} starts it, each module
     * with the settings {@code settings} has for it on top of its own (e.g. shorter leases).
     */
    static WholePlatform start(PostgresServer postgres, InJvmKafka kafka, String databasePrefix,
                               Map<String, Map<String, String>> settings) throws Exception {
        long started = System.nanoTime();
        Mailbox mailbox = Mailbox.start();
        MapTiles tiles = MapTiles.start();
        WholePlatform platform = new WholePlatform(postgres, kafka, mailbox, tiles, new PlatformProcesses(postgres, kafka.bootstrapServers()));
        try {
            platform.startService(ROUTING, databasePrefix + "_routing", with(SHORT_CONSUMER_SESSIONS, settings.get(ROUTING)));
            platform.startService(APPEALS, databasePrefix + "_appeals", with(SHORT_CONSUMER_SESSIONS, settings.get(APPEALS)));
            Map<String, String> notification = new HashMap<>(SHORT_CONSUMER_SESSIONS);
            notification.putAll(mailbox.serviceEnvironment());
            platform.startService(NOTIFICATION, databasePrefix + "_notification", with(notification, settings.get(NOTIFICATION)));
            Map<String, String> gateway = with(RATE_LIMITS, settings.get(GATEWAY));
            gateway.put("WEBAPP_TILES_URL", tiles.urlTemplate());
            gateway.put("GATEWAY_UPSTREAMS_ROUTING_URL", platform.services.get(ROUTING).baseUrl());
            gateway.put("GATEWAY_UPSTREAMS_APPEALS_URL", platform.services.get(APPEALS).baseUrl());
            gateway.put("GATEWAY_UPSTREAMS_NOTIFICATION_URL", platform.services.get(NOTIFICATION).baseUrl());
            platform.startService(GATEWAY, null, gateway);
        } catch (Exception | AssertionError e) {
            platform.close();
            throw e;
        }
        System.out.printf("whole platform up in %d s, gateway at %s%n", (System.nanoTime() - started) / 1_000_000_000,
                platform.gatewayUrl());
        return platform;
    }

    /**
     * A consumer that vanishes is given up by the broker within seconds instead of the default
     * 45, so a restarted service gets its partitions back quickly.
     */
    private static final Map<String, String> SHORT_CONSUMER_SESSIONS = Map.of(
            "INBOUND_SESSION_TIMEOUT_MS", "6000",
            "INBOUND_HEARTBEAT_INTERVAL_MS", "1000");

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(environment);
        if (more != null) {
            all.putAll(more);
        }
        return all;
    }

    private void startService(String module, String database, Map<String, String> environment) throws Exception {
        services.put(module, processes.start(module, database, environment));
        environments.put(module, Map.copyOf(environment));
        if (database != null) {
            databases.put(module, PlatformProcesses.databaseName(database));
        }
    }

    /**
     * Starts another copy of a running service on a port of its own, with the same database, broker
     * and settings (plus {@code overrides}), as a city scales out; waits until it is ready. The
     * copy is the caller's to kill or stop; {@link #close()} stops it too. The gateway still sends
     * to the first copy.
     */
    ServiceProcess startCopy(String module, Map<String, String> overrides) throws Exception {
        return processes.startCopy(module, databases.get(module), with(environments.get(module), overrides));
    }

    /** The (first) copy of a service that the platform started. */
    ServiceProcess process(String module) {
        return services.get(module);
    }

    /** The database a service uses, as named on the server. */
    String database(String module) {
        return databases.get(module);
    }

    PostgresServer postgres() {
        return postgres;
    }

    InJvmKafka kafka() {
        return kafka;
    }

    /** A service's own base URL, bypassing the gateway. */
    String serviceUrl(String module) {
        return services.get(module).baseUrl();
    }

    String gatewayUrl() {
        return services.get(GATEWAY).baseUrl();
    }

    /** appeals-service's API through the gateway. */
    AppealsApi appeals() {
        return new AppealsApi(gatewayUrl());
    }

    Mailbox mailbox() {
        return mailbox;
    }

    /** The map tiles the web app shows. */
    MapTiles tiles() {
        return tiles;
    }

    /** The citizen's inbox through the gateway, newest first. */
    JsonNode inbox(Citizen citizen) throws Exception {
        return appeals().read(citizen.token(), "/api/v1/notifications?size=100").get("items");
    }

    /**
     * Waits until the step's notification is in the citizen's inbox (through the gateway) and its
     * e-mail in the mailbox, both titled {@code title}; returns the e-mail.
     */
    MimeMessage awaitNotified(Citizen citizen, String appealId, String eventType, String title) throws Exception {
        Eventually.await(eventType + " of " + appealId + " in the inbox", () -> notification(citizen, appealId, eventType) != null);
        JsonNode notification = notification(citizen, appealId, eventType);
        assertThat(notification.get("title").asText()).isEqualTo(title);
        Eventually.await("the e-mail «" + title + "»", () -> mailbox.subjectsTo(citizen.email()).contains(title));
        MimeMessage mail = mailbox.to(citizen.email()).get(mailbox.subjectsTo(citizen.email()).indexOf(title));
        assertThat(Mailbox.text(mail)).contains("Здравствуйте, " + Citizen.NAME + "!");
        return mail;
    }

    /** The step's notification in the inbox, or null while it is not there (or the inbox is not served yet, after a restart). */
    private JsonNode notification(Citizen citizen, String appealId, String eventType) throws Exception {
        HttpResponse<String> inbox = PlatformProcesses.call("GET", gatewayUrl() + "/api/v1/notifications?size=100", citizen.token(), null);
        if (inbox.statusCode() != 200) {
            return null;
        }
        for (JsonNode notification : AppealsApi.JSON.readTree(inbox.body()).get("items")) {
            if (appealId.equals(notification.path("appealId").asText()) && eventType.equals(notification.path("eventType").asText())) {
                return notification;
            }
        }
        return null;
    }

    /** What a service (or the gateway) has logged so far. */
    String logOf(String module) throws java.io.IOException {
        return java.nio.file.Files.readString(services.get(module).logFile());
    }

    /** Stops a service (gracefully, as an operator would); the gateway keeps running. */
    void stop(String module) {
        services.get(module).close();
    }

    /** Kills a service at once (SIGKILL), as a crash would; {@link #startAgain} brings it back. */
    void kill(String module) {
        services.get(module).kill();
    }

    /** Starts a stopped service again with its port, database and settings, and waits until it is ready. */
    void startAgain(String module) throws Exception {
        services.put(module, processes.restart(services.get(module)));
    }

    @Override
    public void close() {
        // the services stop before the broker, the mailbox and the database they use
        processes.close();
        kafka.close();
        mailbox.close();
        tiles.close();
        postgres.close();
    }

    /** Hands every test class the same platform, started on first use and stopped when the run ends. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == WholePlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the root store closes what it holds (AutoCloseable) when the whole run is over
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(WholePlatform.class, key -> {
                        try {
                            return start();
                        } catch (Exception e) {
                            throw new IllegalStateException("the platform did not start", e);
                        }
                    }, WholePlatform.class);
        }
    }
}
