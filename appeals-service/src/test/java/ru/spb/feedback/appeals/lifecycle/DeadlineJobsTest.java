package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.AppealStatusChange;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealOverdue;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.inStatus;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.load;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.update;

/** The overdue marker and the auto-close, with two copies running them at once. */
@QuarkusTest
class DeadlineJobsTest {

    @Inject
    DeadlineJobs jobs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void overdueAppealsAreMarkedOnceByOneOfTwoCopies() throws Exception {
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        Map<AppealStatus, String> appeals = new EnumMap<>(AppealStatus.class);
        for (AppealStatus status : AppealStatus.values()) {
            String id = inStatus(newCitizen(), status);
            update(id, appeal -> appeal.moveDueDate(past));
            appeals.put(status, id);
        }
        String notYetDue = inStatus(newCitizen(), AppealStatus.IN_PROGRESS);

        runTwiceConcurrently(() -> jobs.markOverdue(Instant.now()));
        jobs.markOverdue(Instant.now());

        List<AppealStatus> awaiting = List.of(AppealStatus.TRIAGE, AppealStatus.ROUTED, AppealStatus.IN_PROGRESS,
                AppealStatus.REROUTING, AppealStatus.REOPENED);
        for (var entry : appeals.entrySet()) {
            long marks = marks(entry.getValue(), AppealAction.MARK_OVERDUE);
            assertThat(marks).as(entry.getKey().name()).isEqualTo(awaiting.contains(entry.getKey()) ? 1 : 0);
            assertThat(load(entry.getValue()).status).isEqualTo(entry.getKey());
        }
        assertThat(marks(notYetDue, AppealAction.MARK_OVERDUE)).isZero();

        String routed = appeals.get(AppealStatus.ROUTED);
        List<EventEnvelope> events = events(routed, 2);
        assertThat(events.get(1).eventType()).isEqualTo("AppealOverdue");
        assertThat(events.get(1).payloadAs(AppealOverdue.class).dueAt()).isEqualTo(past);

        // a new due date may be missed again, and is reported again
        update(routed, appeal -> appeal.moveDueDate(past.plusSeconds(60)));
        jobs.markOverdue(Instant.now());
        assertThat(marks(routed, AppealAction.MARK_OVERDUE)).isEqualTo(2);
    }

    @Test
    void answersNobodyRatedCloseAfterTheConfiguredDays() throws Exception {
        String stale = inStatus(newCitizen(), AppealStatus.ANSWERED);
        update(stale, appeal -> appeal.answeredAt = Instant.now().minus(11, ChronoUnit.DAYS));
        String fresh = inStatus(newCitizen(), AppealStatus.ANSWERED);
        update(fresh, appeal -> appeal.answeredAt = Instant.now().minus(9, ChronoUnit.DAYS));

        runTwiceConcurrently(() -> jobs.autoClose(Instant.now()));

        assertThat(load(stale).status).isEqualTo(AppealStatus.CLOSED);
        assertThat(load(fresh).status).isEqualTo(AppealStatus.ANSWERED);
        assertThat(marks(stale, AppealAction.AUTO_CLOSE)).isEqualTo(1);
        assertThat(events(stale, 2).get(1).payloadAs(AppealClosed.class))
                .isEqualTo(new AppealClosed(AppealClosed.Resolution.NOT_RATED, null));
    }

    @Test
    void onlyAnsweredAppealsAreClosedAutomatically() {
        Map<AppealStatus, String> appeals = new EnumMap<>(AppealStatus.class);
        for (AppealStatus status : AppealStatus.values()) {
            String id = inStatus(newCitizen(), status);
            update(id, appeal -> appeal.answeredAt = Instant.now().minus(30, ChronoUnit.DAYS));
            appeals.put(status, id);
        }
        jobs.autoClose(Instant.now());
        for (var entry : appeals.entrySet()) {
            AppealStatus expected = entry.getKey() == AppealStatus.ANSWERED ? AppealStatus.CLOSED : entry.getKey();
            assertThat(load(entry.getValue()).status).as(entry.getKey().name()).isEqualTo(expected);
            assertThat(marks(entry.getValue(), AppealAction.AUTO_CLOSE)).isEqualTo(entry.getKey() == AppealStatus.ANSWERED ? 1 : 0);
        }
    }

    @Test
    void theBackgroundLoopDoesItsRoundsByItself() {
        String overdue = inStatus(newCitizen(), AppealStatus.IN_PROGRESS);
        update(overdue, appeal -> appeal.moveDueDate(Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS)));
        String unrated = inStatus(newCitizen(), AppealStatus.ANSWERED);
        update(unrated, appeal -> appeal.answeredAt = Instant.now().minus(30, ChronoUnit.DAYS));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(load(overdue).overdueMarkedAt).isNotNull();
            assertThat(load(unrated).status).isEqualTo(AppealStatus.CLOSED);
        });
    }

    private static void runTwiceConcurrently(Runnable job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> copies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            copies.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                job.run();
            }));
        }
        for (CompletableFuture<Void> copy : copies) {
            copy.get();
        }
    }

    private static long marks(String id, AppealAction action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AppealStatusChange.count("appealId = ?1 and action = ?2", UUID.fromString(id), action));
    }

    private List<EventEnvelope> events(String id, int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            return reader.await(r -> id.equals(r.key()), count, Duration.ofSeconds(20)).stream()
                    .map(record -> EventCodec.decode(record.value())).toList();
        }
    }
}
