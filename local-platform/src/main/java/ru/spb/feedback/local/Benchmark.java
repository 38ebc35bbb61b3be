package ru.spb.feedback.local;

import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.devinfra.RepositoryFiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./platform bench}: starts a platform of its own (fresh {@code bench_*} databases, its own
 * broker, ports 18080–18085, gateway rate limits lifted) and measures in one run, side by side:
 * <ol>
 *   <li>each service's time from start to ready;</li>
 *   <li>raw PostgreSQL: the rows of one intake written by plain JDBC from N clients ({@link RawIntake});</li>
 *   <li>intake through the gateway: N closed-loop clients, many citizens ({@link IntakeLoad});</li>
 *   <li>the pipeline after that burst: how long until every appeal is ROUTED and in its author's inbox;</li>
 *   <li>at half the intake rate (open loop): 201 → in-app notification, p50 and p99;</li>
 *   <li>resident memory of each service after the run, and with {@code --copies 2} whether the
 *       second routing and notification copies took work and nothing was notified twice.</li>
 * </ol>
 * It prints one {@code BENCH} summary line (also written to {@code .local/bench/summary.txt}).
 * Options: {@code --seconds S} (each load phase, 60), {@code --clients N} (16), {@code --citizens C}
 * (200), {@code --copies 1|2} (1), {@code --rate R} (the open-loop phase at R appeals/s instead of half the
 * intake rate), {@code --profile} (a JFR recording per service in {@code .local/bench}).
 */
public final class Benchmark {

    private static final String APPEALS_DB = "bench_appeals";
    private static final String ROUTING_DB = "bench_routing";
    private static final String NOTIFICATION_DB = "bench_notification";
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Long> readyMillis = new LinkedHashMap<>();
    private int seconds = 60;
    private int clients = 16;
    private int citizens = 200;
    private int copies = 1;
    private boolean profile;
    private double rate;

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> benchmark.seconds = Integer.parseInt(args[++i]);
                case "--clients" -> benchmark.clients = Integer.parseInt(args[++i]);
                case "--citizens" -> benchmark.citizens = Integer.parseInt(args[++i]);
                case "--copies" -> benchmark.copies = Integer.parseInt(args[++i]);
                case "--profile" -> benchmark.profile = true;
                case "--rate" -> benchmark.rate = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: ./platform bench [--seconds S] [--clients N] [--citizens C] [--copies 1|2] [--rate R] [--profile]");
                    System.exit(2);
                }
            }
        }
        if (benchmark.copies < 1 || benchmark.copies > 2) {
            System.err.println("--copies is 1 or 2");
            System.exit(2);
        }
        try {
            benchmark.run();
        } finally {
            benchmark.stopAll();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path root = RepositoryFiles.root();
        Path work = root.resolve(".local/bench");
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        Duration phase = Duration.ofSeconds(seconds);

        say("PostgreSQL: looking for a server; fresh databases " + APPEALS_DB + ", " + ROUTING_DB + ", " + NOTIFICATION_DB);
        PostgresServer postgres = Postgres.findOrStart();
        started.push(postgres);
        for (String database : List.of(APPEALS_DB, ROUTING_DB, NOTIFICATION_DB)) {
            postgres.recreateDatabase(database);
        }
        say("Kafka: starting a fresh broker …");
        KafkaBroker broker = KafkaBroker.start(root.resolve("local-platform/target/lib"), work, logs.resolve("kafka.log"));
        started.push(broker);
        MailCatcher mail = MailCatcher.start(work.resolve("mail"));
        started.push(mail);

        LocalPlatform.Service routing = new LocalPlatform.Service("routing-service", 18082, ROUTING_DB);
        LocalPlatform.Service appeals = new LocalPlatform.Service("appeals-service", 18081, APPEALS_DB);
        LocalPlatform.Service notification = new LocalPlatform.Service("notification-service", 18083, NOTIFICATION_DB);
        LocalPlatform.Service gateway = new LocalPlatform.Service("gateway", 18080, null);
        List<Copy> copiesToStart = new ArrayList<>(List.of(new Copy("routing-service", routing), new Copy("appeals-service", appeals),
                new Copy("notification-service", notification), new Copy("gateway", gateway)));
        if (copies == 2) {
            copiesToStart.add(new Copy("routing-service#2", new LocalPlatform.Service("routing-service", 18084, ROUTING_DB)));
            copiesToStart.add(new Copy("notification-service#2", new LocalPlatform.Service("notification-service", 18085, NOTIFICATION_DB)));
        }
        // one at a time, so each start is timed on an otherwise idle machine
        for (Copy copy : copiesToStart) {
            Map<String, String> environment = new HashMap<>(LocalPlatform.environment(root, postgres, copy.service(), broker.bootstrapServers()));
            if (copy.service().module().equals("notification-service")) {
                environment.putAll(mail.environment());
            }
            if (copy.service() == gateway) {
                environment.putAll(LocalPlatform.gatewayUpstreams(appeals.url(), routing.url(), notification.url()));
                environment.putAll(unlimitedGateway());
            }
            if (profile) {
                environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + work.resolve(copy.name() + ".jfr")
                        + ",settings=profile,dumponexit=true");
            }
            long start = System.nanoTime();
            ServiceProcess process = ServiceProcess.start(root, copy.service().module(), copy.service().port(), environment,
                    logs.resolve(copy.name().replace('#', '-') + ".log"));
            started.push(process);
            process.awaitReady(Duration.ofSeconds(120));
            long millis = (System.nanoTime() - start) / 1_000_000;
            readyMillis.put(copy.name(), millis);
            processes.put(copy.name(), process);
            say(String.format("%-22s ready in %d ms (port %d)", copy.name(), millis, copy.service().port()));
        }

        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, process) -> pids.put(name, process.pid()));
        pids.put("kafka", broker.pid());
        pids.put("bench", ProcessHandle.current().pid());
        CpuMeter cpu = new CpuMeter(pids);

        IntakeLoad load = new IntakeLoad(gateway.url(), citizens);
        say("Warm-up: " + clients + " clients for 15 s (not counted) …");
        IntakeLoad.Result warmUp = load.closedLoop(clients, Duration.ofSeconds(15));
        requireSomeAccepted(warmUp, "warm-up");
        awaitPipeline(postgres, warmUp.appeals());

        say("Raw PostgreSQL: the rows of one intake per transaction, " + clients + " JDBC clients, " + seconds + " s …");
        RawIntake raw = new RawIntake(postgres, APPEALS_DB);
        raw.prepare();
        String payload = samplePayload(postgres);
        Map<String, Double> cpuBefore = cpu.snapshot();
        RawIntake.Result rawResult = raw.run(clients, phase, IntakeLoad.CATEGORY, payload);
        say(String.format("  %.0f transactions/s, %s", rawResult.perSecond(), rawResult.latencies().describe()));
        say("  CPU: " + CpuMeter.perAppeal(cpuBefore, cpu.snapshot(), rawResult.committed()));

        say("Intake through the gateway: " + clients + " clients, " + citizens + " citizens, " + seconds + " s …");
        cpuBefore = cpu.snapshot();
        IntakeLoad.Result intake = load.closedLoop(clients, phase);
        requireSomeAccepted(intake, "intake");
        Map<String, Double> cpuAfterIntake = cpu.snapshot();
        say(String.format("  %.0f appeals/s, %s; %d accepted, %d failed %s", intake.perSecond(), intake.latencies().describe(),
                intake.accepted(), intake.failed(), intake.failuresByStatus()));
        say("  CPU during the burst: " + CpuMeter.perAppeal(cpuBefore, cpuAfterIntake, intake.accepted()));
        Pipeline burst = awaitPipeline(postgres, intake.appeals());
        say(String.format("  pipeline: every appeal ROUTED and notified %.1f s after the last 201 (%.0f appeals/s end to end)",
                burst.lagAfterLastMillis() / 1000.0, intake.accepted() / (burst.spanMillis() / 1000.0)));
        say("  CPU, burst and catching up: " + CpuMeter.perAppeal(cpuBefore, cpu.snapshot(), intake.accepted()));

        double half = rate > 0 ? rate : Math.max(1, intake.perSecond() / 2);
        say(String.format("%s, open loop: %.0f appeals/s for %d s …", rate > 0 ? "Given rate" : "Half rate", half, seconds));
        IntakeLoad.Result steady = load.openLoop(half, phase);
        requireSomeAccepted(steady, "half-rate");
        Pipeline latency = awaitPipeline(postgres, steady.appeals());
        say(String.format("  201 → in-app notification: %s (AppealRegistered); %s (AppealRouted, through routing)",
                latency.toRegistered().describe(), latency.toRouted().describe()));

        Map<String, Long> rss = new LinkedHashMap<>();
        processes.forEach((name, process) -> rss.put(name, residentMegabytes(process)));
        String sharing = copies == 2 ? sharing(postgres, intake, steady, warmUp) : "";

        String summary = String.format(
                "BENCH raw-db %.0f tx/s (%s) | intake %.0f/s (%s) = %.1f%% of raw | pipeline lag %.1f s after a %d-s burst"
                        + " | 201→inbox at %.0f/s: %s, routed %s | ready %s | rss MB %s%s",
                rawResult.perSecond(), rawResult.latencies().describe(), intake.perSecond(), intake.latencies().describe(),
                100 * intake.perSecond() / rawResult.perSecond(), burst.lagAfterLastMillis() / 1000.0, seconds, half,
                latency.toRegistered().describe(), latency.toRouted().describe(), readyMillis, rss, sharing);
        System.out.println();
        System.out.println(summary);
        Files.writeString(work.resolve("summary.txt"), summary + System.lineSeparator());
        if (profile) {
            say("JFR recordings are written to " + work + "/*.jfr when the services stop");
        }
    }

    /** A copy of a service to start: its name in the report and where it runs. */
    private record Copy(String name, LocalPlatform.Service service) {
    }

    /** The gateway's per-citizen and per-address limits out of the way: the benchmark is one address. */
    private static Map<String, String> unlimitedGateway() {
        Map<String, String> environment = new HashMap<>();
        for (String bucket : List.of("READ", "WRITE", "UPLOAD", "ANONYMOUS", "PER_IP")) {
            environment.put("GATEWAY_RATE_LIMIT_" + bucket + "_CAPACITY", "100000000");
            environment.put("GATEWAY_RATE_LIMIT_" + bucket + "_REFILL_PER_MINUTE", "100000000");
        }
        return environment;
    }

    private static void requireSomeAccepted(IntakeLoad.Result result, String phase) {
        if (result.accepted() == 0) {
            throw new IllegalStateException("no appeal was accepted in the " + phase + " phase: " + result.failuresByStatus());
        }
    }

    /** An AppealRegistered payload as the service wrote it, so the raw rows are the same size. */
    private static String samplePayload(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect(APPEALS_DB);
             ResultSet row = connection.createStatement().executeQuery(
                     "select payload from outbox_event where event_type = 'AppealRegistered' limit 1")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * When the appeals of a phase reached their authors' inboxes.
     *
     * @param lagAfterLastMillis from the last 201 to the last AppealRouted notification
     * @param spanMillis         from the first request to the last AppealRouted notification
     */
    private record Pipeline(Latencies toRegistered, Latencies toRouted, long lagAfterLastMillis, long spanMillis) {
    }

    /** Waits until each appeal has both in-app notifications, then measures from each 201. */
    private Pipeline awaitPipeline(PostgresServer postgres, List<IntakeLoad.Accepted> appeals) throws Exception {
        Map<UUID, Long> acceptedAt = new HashMap<>();
        appeals.forEach(appeal -> acceptedAt.put(appeal.id(), appeal.acceptedAtMicros()));
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        try (Connection connection = postgres.connect(NOTIFICATION_DB)) {
            Timestamp since = Timestamp.from(java.time.Instant.ofEpochSecond(0,
                    acceptedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow() * 1000).minusSeconds(2));
            while (true) {
                // a cheap count first: the full query scans the table, and run every 200 ms it would
                // take the platform's CPU and slow down what it measures
                if (notificationsSince(connection, since) < 2L * acceptedAt.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the appeals were not all routed and notified within " + DRAIN_LIMIT);
                    }
                    Thread.sleep(200);
                    continue;
                }
                Map<String, Map<UUID, Long>> notified = notifiedAt(connection, acceptedAt.keySet());
                int routed = notified.getOrDefault("AppealRouted", Map.of()).size();
                if (routed == acceptedAt.size() && notified.getOrDefault("AppealRegistered", Map.of()).size() == acceptedAt.size()) {
                    Latencies toRegistered = since(acceptedAt, notified.get("AppealRegistered"));
                    Latencies toRouted = since(acceptedAt, notified.get("AppealRouted"));
                    long lastRouted = notified.get("AppealRouted").values().stream().mapToLong(Long::longValue).max().orElseThrow();
                    long lastAccepted = acceptedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                    long firstAccepted = acceptedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
                    return new Pipeline(toRegistered, toRouted, Math.max(0, lastRouted - lastAccepted) / 1000,
                            Math.max(1, lastRouted - firstAccepted) / 1000);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + routed + " of " + acceptedAt.size()
                            + " appeals were routed and notified within " + DRAIN_LIMIT);
                }
                Thread.sleep(200);
            }
        }
    }

    /** AppealRegistered and AppealRouted notifications created since a moment, of any appeal. */
    private static long notificationsSince(Connection connection, Timestamp since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*) from notification
                where created_at >= ? and event_type in ('AppealRegistered', 'AppealRouted')""")) {
            query.setTimestamp(1, since);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The creation time (epoch µs) of each appeal's notifications, by event type. */
    private static Map<String, Map<UUID, Long>> notifiedAt(Connection connection, java.util.Set<UUID> appeals) throws SQLException {
        Map<String, Map<UUID, Long>> byType = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select appeal_id, event_type, min(created_at) from notification
                where appeal_id = any (?) and event_type in ('AppealRegistered', 'AppealRouted')
                group by appeal_id, event_type""")) {
            Array ids = connection.createArrayOf("uuid", appeals.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(3);
                    long micros = at.getTime() / 1000 * 1_000_000 + at.getNanos() / 1000;
                    byType.computeIfAbsent(rows.getString(2), type -> new HashMap<>()).put((UUID) rows.getObject(1), micros);
                }
            }
        }
        return byType;
    }

    private static Latencies since(Map<UUID, Long> acceptedAt, Map<UUID, Long> notifiedAt) {
        Latencies latencies = new Latencies();
        // the notification may be written before the 201 has travelled back through the gateway: that counts as 0
        notifiedAt.forEach((id, at) -> latencies.add(Math.max(0, at - acceptedAt.get(id))));
        return latencies;
    }

    /** With two copies: the events each consumer copy handled, and appeals notified or decided twice (must be 0). */
    private String sharing(PostgresServer postgres, IntakeLoad.Result... phases) throws Exception {
        StringBuilder out = new StringBuilder(" | copies");
        for (Map.Entry<String, ServiceProcess> entry : processes.entrySet()) {
            if (entry.getKey().startsWith("routing") || entry.getKey().startsWith("notification")) {
                out.append(' ').append(entry.getKey()).append('=').append(consumedEvents(entry.getValue()));
            }
        }
        long total = 0;
        for (IntakeLoad.Result phase : phases) {
            total += phase.accepted();
        }
        try (Connection notification = postgres.connect(NOTIFICATION_DB); Connection routing = postgres.connect(ROUTING_DB)) {
            long twiceNotified = count(notification, """
                    select count(*) from (select appeal_id, event_type from notification group by appeal_id, event_type
                    having count(*) > 1) twice""");
            long twiceDecided = count(routing, """
                    select count(*) from (select appeal_id from routing_decision group by appeal_id having count(*) > 1) twice""");
            out.append(String.format(" | %d appeals: notified twice %d, decided twice %d", total, twiceNotified, twiceDecided));
        }
        return out.toString();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static final Pattern CONSUMED = Pattern.compile("^events_consumed_total\\{[^}]*outcome=\"handled\"[^}]*} ([0-9.E]+)$",
            Pattern.MULTILINE);

    /** Events this copy handled, from its Prometheus metrics. */
    private static long consumedEvents(ServiceProcess process) throws IOException, InterruptedException {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(process.baseUrl() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CONSUMED.matcher(metrics.body());
        double handled = 0;
        while (matcher.find()) {
            handled += Double.parseDouble(matcher.group(1));
        }
        return (long) handled;
    }

    /** VmRSS of the service's JVM, in MB. */
    private static long residentMegabytes(ServiceProcess process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop: " + e.getMessage());
            }
        }
    }

    private static void say(String line) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + line);
    }
}
