package ru.spb.feedback.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ru.spb.feedback.devinfra.PostgresBinaries;
import ru.spb.feedback.devinfra.RepositoryFiles;
import ru.spb.feedback.devinfra.ThrowawayPostgres;
import ru.spb.feedback.testsupport.InJvmKafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform keeps every appeal through the faults a city deployment sees (ADR 0019). The whole
 * platform runs as processes on a PostgreSQL cluster and a Kafka broker of this test's own, so
 * both can be stopped; citizens file appeals through the gateway at a steady rate while, in turn,
 * each service is killed with SIGKILL and restarted, the broker is stopped for 60 s, and
 * PostgreSQL is crashed and kept down for longer than 90 s. Afterwards the counts, taken from the
 * databases, the topics and the mailbox, must agree: every appeal acknowledged (201) is stored,
 * routed, notified in the inbox and by e-mail, with nothing lost and nothing duplicated; every
 * failed request got a 503 problem, never a hang, never a 500.
 */
@Tag("fault-injection")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class FaultInjectionEndToEndTest {

    private static final int APPEALS_PER_SECOND = 4;
    private static final int CITIZENS = 40;
    private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(8);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(60);
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(95);

    private static ThrowawayPostgres.Cluster postgres;
    private static WholePlatform platform;
    private static final List<String> timeline = new ArrayList<>();
    private static long started;

    @BeforeAll
    static void startThePlatformOnItsOwnDatabaseAndBroker() throws Exception {
        postgres = ThrowawayPostgres.startCluster(PostgresBinaries.locate());
        platform = WholePlatform.start(postgres.server(), InJvmKafka.start(), "fault");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        } else if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void noAppealOrMessageIsLostOrDuplicatedThroughKillsAndOutages() throws Exception {
        started = System.nanoTime();
        DeliveryTally tally;
        Duration databaseBack;
        try (SteadyLoad load = new SteadyLoad(platform.gatewayUrl(), CITIZENS); ReadProbe probe = new ReadProbe(platform)) {
            load.start(APPEALS_PER_SECOND);
            probe.start();
            pause(BETWEEN_FAULTS);

            for (String module : List.of(WholePlatform.APPEALS, WholePlatform.ROUTING, WholePlatform.NOTIFICATION, WholePlatform.GATEWAY)) {
                mark("kill -9 " + module);
                platform.kill(module);
                platform.startAgain(module);
                mark(module + " ready again");
                pause(BETWEEN_FAULTS);
            }

            mark("Kafka broker stopped");
            platform.kafka().stopBroker();
            pause(BROKER_DOWN);
            platform.kafka().startBroker();
            mark("Kafka broker started");
            pause(BETWEEN_FAULTS);

            mark("PostgreSQL crashed (immediate stop)");
            postgres.stop();
            pause(DATABASE_DOWN);
            postgres.start();
            mark("PostgreSQL started");
            databaseBack = probe.awaitAllAnswering(Duration.ofSeconds(60));
            mark("every service answers reads again, " + databaseBack.toMillis() + " ms after PostgreSQL started");
            pause(BETWEEN_FAULTS);

            load.stopAndDrain();
            mark("load stopped after " + load.submissions() + " submissions");
            tally = DeliveryTally.settle(load.acknowledged(), platform, "e2e-fault-", Duration.ofMinutes(3));
            mark("settled");

            String report = report(load, probe, tally);
            System.out.println(report);
            Path file = RepositoryFiles.root().resolve("local-platform/target/fault-injection-report.txt");
            Files.writeString(file, report);

            assertThat(load.defects()).as("answers that are neither 201 nor a 503 problem, and hangs").isEmpty();
            assertThat(load.gaveUp()).as("submissions still unanswered after " + SteadyLoad.GIVE_UP_AFTER).isEmpty();
            assertThat(probe.defects()).as("reads answered with a 500, a non-problem error or not at all").isEmpty();
            assertThat(tally.acknowledged).as("appeals acknowledged").isGreaterThan(500);
            assertThat(tally.lost).as("lost").isEmpty();
            assertThat(tally.duplicated).as("duplicated").isEmpty();
            // SMTP has no idempotency: a kill between the server's OK and our commit re-sends that one
            // e-mail, under the same Message-ID (ADR 0019). One kill of notification-service, at most one.
            assertThat(tally.resent).as("e-mails resent after notification-service was killed").hasSizeLessThanOrEqualTo(1);
            assertThat(List.of(tally.stored, tally.published, tally.routed, tally.decided, tally.notified.get(DeliveryTally.REGISTERED),
                    tally.notified.get(DeliveryTally.ROUTED), tally.mailed.get(DeliveryTally.REGISTERED), tally.mailed.get(DeliveryTally.ROUTED)))
                    .as(tally.summary()).containsOnly(tally.acknowledged);
            assertThat(databaseBack).as("every service answers within seconds of PostgreSQL's return").isLessThan(Duration.ofSeconds(15));
        }
    }

    private static String report(SteadyLoad load, ReadProbe probe, DeliveryTally tally) {
        StringBuilder report = new StringBuilder("=== Fault injection ===\n");
        timeline.forEach(line -> report.append(line).append('\n'));
        report.append("client answers (retries included): ").append(load.answers()).append('\n');
        report.append("direct reads per service: ").append(probe.answers()).append('\n');
        report.append("counts: ").append(tally.summary()).append('\n');
        tally.lost.stream().limit(20).forEach(line -> report.append("  lost: ").append(line).append('\n'));
        tally.duplicated.stream().limit(20).forEach(line -> report.append("  duplicated: ").append(line).append('\n'));
        tally.resent.forEach(line -> report.append("  resent: ").append(line).append('\n'));
        load.defects().stream().limit(20).forEach(line -> report.append("  client defect: ").append(line).append('\n'));
        probe.defects().stream().limit(20).forEach(line -> report.append("  read defect: ").append(line).append('\n'));
        return report.toString();
    }

    private static void mark(String event) {
        String line = "%6.1f s  %s".formatted((System.nanoTime() - started) / 1e9, event);
        timeline.add(line);
        System.out.println("[fault-injection] " + Instant.now() + " " + line);
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
