package ru.spb.feedback.local;

import ru.spb.feedback.devinfra.DevTokens;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.devinfra.RepositoryFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform run}: PostgreSQL, a Kafka broker, an SMTP catcher, the three services and the
 * gateway in front of them on this machine, without Docker, then the demo data; Ctrl-C (or
 * {@code ./platform stop}) stops everything it started. {@code ./platform token ROLE}: prints a dev
 * token; {@code ./platform tokens}: the demo users' tokens as {@code export} lines.
 * {@code ./platform events}: prints the events on Kafka.
 */
public final class LocalPlatform {

    /**
     * A service the local run starts.
     *
     * @param module   its Maven module (and name)
     * @param port     its fixed port
     * @param database its own database, or null if it has none
     */
    record Service(String module, int port, String database) {

        String url() {
            return "http://localhost:" + port;
        }
    }

    static final Service ROUTING = new Service("routing-service", 8082, "routing");
    static final Service APPEALS = new Service("appeals-service", 8081, "appeals");
    static final Service NOTIFICATIONS = new Service("notification-service", 8083, "notification");
    static final Service GATEWAY = new Service("gateway", 8080, null);
    static final List<Service> SERVICES = List.of(ROUTING, APPEALS, NOTIFICATIONS, GATEWAY);

    private static final String NOTIFICATION = NOTIFICATIONS.module();

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> new LocalPlatform().run();
            case "token" -> System.out.println(DevTokenCommand.mint(List.of(args).subList(1, args.length)));
            case "tokens" -> System.out.print(DemoUsers.mint().exports());
            case "events" -> TopicTail.print(List.of(args).subList(1, args.length));
            case "bench" -> Benchmark.main(List.of(args).subList(1, args.length).toArray(String[]::new));
            default -> {
                System.err.println("usage: ./platform [run | stop | token ROLE [--sub ID] [--org CODE] [--email E] [--name N] | tokens | events [TOPIC] | bench [OPTIONS]]");
                System.exit(2);
            }
        }
    }

    private void run() throws Exception {
        Path root = RepositoryFiles.root();
        Path work = root.resolve(".local");
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        Path pidFile = work.resolve("platform.pid");
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            deleteQuietly(pidFile);
            stopped.countDown();
        }, "stop-platform"));

        try {
            say("PostgreSQL: looking for a server …");
            PostgresServer postgres = Postgres.findOrStart();
            started.push(postgres);
            SERVICES.stream().filter(service -> service.database() != null)
                    .forEach(service -> postgres.ensureDatabase(service.database()));

            String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (kafka == null || kafka.isBlank()) {
                say("Kafka: starting a broker …");
                KafkaBroker broker = KafkaBroker.start(root.resolve("local-platform/target/lib"), work, logs.resolve("kafka.log"));
                started.push(broker);
                kafka = broker.bootstrapServers();
            }

            Map<String, String> smtp = Map.of();
            String mailbox = "sent to the configured SMTP server " + System.getenv("QUARKUS_MAILER_HOST");
            if (!MailCatcher.smtpConfigured()) {
                MailCatcher mail = MailCatcher.start(work.resolve("mail"));
                started.push(mail);
                smtp = mail.environment();
                mailbox = "caught at " + mail.describe();
                say("SMTP: catching e-mails at " + mail.describe());
            }

            Map<String, ServiceProcess> services = new HashMap<>();
            for (Service service : SERVICES) {
                say(service.module() + ": starting on port " + service.port() + " …");
                Map<String, String> environment = new HashMap<>(environment(root, postgres, service, kafka));
                if (NOTIFICATION.equals(service.module())) {
                    environment.putAll(smtp);
                }
                if (GATEWAY.equals(service)) {
                    environment.putAll(gatewayUpstreams(APPEALS.url(), ROUTING.url(), NOTIFICATIONS.url()));
                }
                ServiceProcess process = ServiceProcess.start(root, service.module(), service.port(),
                        environment, logs.resolve(service.module() + ".log"));
                started.push(process);
                services.put(service.module(), process);
            }
            for (ServiceProcess process : services.values()) {
                process.awaitReady(Duration.ofSeconds(120));
            }
            DemoUsers users = DemoUsers.mint();
            String demo = seedDemoData(users);
            printSummary(postgres, kafka, logs, mailbox, demo, users);
        } catch (Exception e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** Every setting a service needs, explicitly, so nothing inherited makes two services share a database. */
    static Map<String, String> environment(Path root, PostgresServer postgres, Service service, String kafka) {
        Map<String, String> environment = new HashMap<>();
        if (service.database() != null) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        if (NOTIFICATION.equals(service.module())) {
            environment.putAll(notificationDevEnvironment());
        }
        if (GATEWAY.module().equals(service.module())) {
            environment.putAll(webAppDevEnvironment(root));
        }
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("dev/jwt/public-key.pem").toUri().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        return environment;
    }

    /** Where the gateway sends each route class (the contract's GATEWAY_UPSTREAMS_*_URL). */
    static Map<String, String> gatewayUpstreams(String appeals, String routing, String notification) {
        return Map.of(
                "GATEWAY_UPSTREAMS_APPEALS_URL", appeals,
                "GATEWAY_UPSTREAMS_ROUTING_URL", routing,
                "GATEWAY_UPSTREAMS_NOTIFICATION_URL", notification);
    }

    /**
     * notification-service on this machine: the public dev key for webhook secrets (like dev/jwt,
     * never for production), and webhooks to receivers on localhost over plain HTTP allowed.
     */
    static Map<String, String> notificationDevEnvironment() {
        return Map.of(
                "NOTIFICATION_WEBHOOKS_ENCRYPTION_KEY", "ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYnk=",
                "NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
                "NOTIFICATION_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
    }

    /**
     * The gateway on this machine: the web app's demo sign-in, with the dev key (like dev/jwt, never for production)
     * and the demo accounts of {@code dev/demo-accounts.json}.
     */
    static Map<String, String> webAppDevEnvironment(Path root) {
        return Map.of(
                "WEBAPP_DEV_SIGN_IN_PRIVATE_KEY_LOCATION", root.resolve("dev/jwt/private-key.pem").toString(),
                "WEBAPP_DEV_SIGN_IN_ACCOUNTS_LOCATION", root.resolve("dev/demo-accounts.json").toString());
    }

    /** Seeds the demo appeals through the gateway unless they are there; answers a line saying what happened. */
    private static String seedDemoData(DemoUsers users) {
        try {
            DemoData demo = new DemoData(GATEWAY.url(), users);
            if (!demo.needed()) {
                return "Demo data: kept from an earlier run (the demo citizen has appeals already).";
            }
            say("Demo data: seeding appeals through the gateway …");
            StringBuilder out = new StringBuilder("Demo data: appeals of demo-citizen (the officer's queue has those of "
                    + DevTokenCommand.DEMO_ORGANIZATION_NAME + "):\n");
            for (DemoData.Seeded appeal : demo.seed()) {
                out.append(String.format("  %-16s %-12s %s%n", appeal.number(), appeal.status(), appeal.id()));
            }
            return out.toString().stripTrailing();
        } catch (Exception e) {
            // the platform itself runs; only the examples are missing
            return "Demo data: NOT seeded (" + e.getMessage() + ")";
        }
    }

    private void printSummary(PostgresServer postgres, String kafka, Path logs, String mailbox, String demo, DemoUsers users) {
        StringBuilder out = new StringBuilder("\nThe feedback platform is running. Ctrl-C (or ./platform stop) stops everything it started.\n\n");
        out.append(String.format("  %-22s %s/  (sign in as a demo user)%n", "Web app", GATEWAY.url()));
        out.append(String.format("  %-22s %s%n", "Gateway (the API)", GATEWAY.url()));
        out.append(String.format("  %-22s %s/q/swagger-ui%n", "Console (Swagger UI)", GATEWAY.url()));
        out.append(String.format("  %-22s %s%n", "E-mails", mailbox));
        for (Service service : List.of(APPEALS, ROUTING, NOTIFICATIONS)) {
            out.append(String.format("  %-22s %s%n", service.module(), service.url()));
        }
        out.append(String.format("  %-22s %s:%d (%s)%n", "PostgreSQL", postgres.host(), postgres.port(), postgres.origin()));
        out.append(String.format("  %-22s %s%n", "Kafka", kafka));
        out.append(String.format("  %-22s %s%n", "Logs", logs));
        out.append('\n').append(demo).append("\n\n");
        out.append("Demo users' tokens (12 h; again with: eval \"$(./platform tokens)\"), ready to paste:\n\n");
        out.append(users.exports());
        System.out.println(out);
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("could not stop " + next + ": " + e.getMessage());
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next run overwrites it
        }
    }
}
