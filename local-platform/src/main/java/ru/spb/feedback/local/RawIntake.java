package ru.spb.feedback.local;

import ru.spb.feedback.devinfra.PostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's own limit for one intake: the rows appeals-service writes for an appeal (the
 * appeal, its first history row and its outbox event, with the number from the same sequence) in
 * one transaction per appeal, sent by plain JDBC from N clients. The rows go to copies of the
 * tables ({@code raw_baseline}, same columns, indexes and foreign keys) in the same database, so
 * the relay never publishes them and the service's tables stay as the benchmark left them.
 */
final class RawIntake {

    /** What the clients achieved: committed transactions, their rate and latencies. */
    record Result(long committed, double perSecond, Latencies latencies) {
    }

    private final PostgresServer postgres;
    private final String database;

    RawIntake(PostgresServer postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Creates the copies of the tables (after the service's migrations ran). */
    void prepare() throws SQLException {
        try (Connection connection = postgres.connect(database); Statement ddl = connection.createStatement()) {
            ddl.execute("drop schema if exists raw_baseline cascade");
            ddl.execute("create schema raw_baseline");
            for (String table : List.of("appeal", "appeal_status_change", "outbox_event")) {
                ddl.execute("create table raw_baseline." + table + " (like public." + table + " including all)");
            }
            ddl.execute("alter table raw_baseline.appeal add foreign key (category_code) references public.category (code)");
            ddl.execute("alter table raw_baseline.appeal_status_change add foreign key (appeal_id) references raw_baseline.appeal (id)");
        }
    }

    Result run(int clients, Duration duration, String categoryCode, String payload) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong committed = new AtomicLong();
        List<Latencies> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Latencies latencies = new Latencies();
            perClient.add(latencies);
            Thread thread = new Thread(() -> {
                try (Connection connection = postgres.connect(database)) {
                    writeUntil(connection, end, categoryCode, payload, committed, latencies);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "raw-intake-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the raw database load failed", failures.get(0));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Latencies all = new Latencies();
        perClient.forEach(all::addAll);
        return new Result(committed.get(), committed.get() / seconds, all);
    }

    private static void writeUntil(Connection connection, long end, String categoryCode, String payload,
                                   AtomicLong committed, Latencies latencies) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement number = connection.prepareStatement("select nextval('appeal_number_seq')");
             PreparedStatement appeal = connection.prepareStatement("""
                     insert into raw_baseline.appeal (id, number, citizen_id, channel, category_code, description, lat, lon,
                         address, official, contact_email, contact_name, status, registered_at, updated_at, version, supporters)
                     values (?, ?, ?, 'API', ?, ?, ?, ?, null, false, null, null, 'REGISTERED', ?, ?, 0, 0)""");
             PreparedStatement history = connection.prepareStatement("""
                     insert into raw_baseline.appeal_status_change (appeal_id, from_status, to_status, changed_at, actor_role, actor_id)
                     values (?, null, 'REGISTERED', ?, 'citizen', ?)""");
             PreparedStatement outbox = connection.prepareStatement("""
                     insert into raw_baseline.outbox_event (event_id, topic, message_key, event_type, schema_version, payload,
                         request_id, created_at, attempts)
                     values (?, 'appeal.events', ?, 'AppealRegistered', 1, ?, ?, ?, 0)""")) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                UUID id = UUID.randomUUID();
                String citizen = "bench-citizen-" + random.nextInt(200);
                Timestamp now = Timestamp.from(Instant.now());
                long sequence;
                try (var rows = number.executeQuery()) {
                    rows.next();
                    sequence = rows.getLong(1);
                }
                appeal.setObject(1, id);
                appeal.setString(2, "RAW-" + sequence);
                appeal.setString(3, citizen);
                appeal.setString(4, categoryCode);
                appeal.setString(5, IntakeLoad.DESCRIPTION);
                appeal.setDouble(6, IntakeLoad.randomLat(random));
                appeal.setDouble(7, IntakeLoad.randomLon(random));
                appeal.setTimestamp(8, now);
                appeal.setTimestamp(9, now);
                appeal.executeUpdate();
                history.setObject(1, id);
                history.setTimestamp(2, now);
                history.setString(3, citizen);
                history.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, id.toString());
                outbox.setString(3, payload);
                outbox.setString(4, UUID.randomUUID().toString());
                outbox.setTimestamp(5, now);
                outbox.executeUpdate();
                connection.commit();
                committed.incrementAndGet();
                latencies.add((System.nanoTime() - start) / 1000);
            }
        }
    }
}
