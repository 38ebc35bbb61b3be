package ru.spb.feedback.messaging.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link BackgroundLoop}'s timing with a real worker thread: a failed round waits the backoff, a
 * round that found work waits the interval unless nudged, a full batch runs again at once, and a
 * nudge comes from a committed transaction only (the real transaction manager).
 */
@QuarkusTest
class BackgroundLoopTest {

    /** Longer than any test waits for a round, so a round that came early was not the interval's. */
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration BACKOFF = Duration.ofMillis(1500);

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final List<Long> rounds = Collections.synchronizedList(new ArrayList<>());
    private BackgroundLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFailedRoundWaitsTheBackoffEvenWhenNudgedAndASuccessEndsTheBackingOff() {
        loop = start(BackgroundLoop.Outcome.FAILED, BackgroundLoop.Outcome.FAILED, BackgroundLoop.Outcome.IDLE);

        nudge();
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() == 1);
        nudge(); // during the backoff: asks for a round, but does not cut the backoff short
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() == 2);
        nudge();
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() == 3);
        List<Duration> waits = waits();
        assertThat(waits.get(0)).as("after the first failure").isGreaterThanOrEqualTo(BACKOFF);
        assertThat(waits.get(1)).as("after the second failure").isGreaterThanOrEqualTo(BACKOFF);

        // the third round succeeded: from now on a nudge runs a round at once, no backoff left over
        long nudged = System.nanoTime();
        nudge();
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() == 4);
        assertThat(Duration.ofNanos(rounds.get(3) - nudged)).isLessThan(BACKOFF);
    }

    @Test
    void anIdleRoundWaitsForTheIntervalOrANudge() throws Exception {
        loop = start(BackgroundLoop.Outcome.IDLE);

        Thread.sleep(1000);
        assertThat(rounds).as("no round before the interval or a nudge").isEmpty();
        nudge();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.size() == 1);
        Thread.sleep(1000);
        assertThat(rounds).as("one nudge, one round").hasSize(1);
    }

    @Test
    void aFullBatchRunsAgainAtOnce() {
        loop = start(BackgroundLoop.Outcome.MORE, BackgroundLoop.Outcome.MORE, BackgroundLoop.Outcome.IDLE);

        nudge();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.size() == 3);
    }

    @Test
    void aRoundThatThrowsDoesNotStopTheLoop() {
        Queue<Boolean> throwing = new ConcurrentLinkedQueue<>(List.of(true));
        loop = BackgroundLoop.start("test-loop", INTERVAL, BACKOFF, () -> {
            rounds.add(System.nanoTime());
            if (throwing.poll() != null) {
                throw new IllegalStateException("a round that fails unexpectedly");
            }
            return BackgroundLoop.Outcome.IDLE;
        });

        nudge();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.size() == 1);
        nudge();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.size() == 2);
    }

    @Test
    void aCommittedTransactionNudgesOnceAndARolledBackOneNotAtAll() throws Exception {
        loop = start(BackgroundLoop.Outcome.IDLE);

        QuarkusTransaction.requiringNew().run(() -> {
            loop.nudgeAfterCommit(transactions);
            loop.nudgeAfterCommit(transactions);
            // nothing before the commit
            sleep(Duration.ofMillis(500));
            assertThat(rounds).isEmpty();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.size() == 1);

        QuarkusTransaction.begin();
        loop.nudgeAfterCommit(transactions);
        QuarkusTransaction.rollback();
        Thread.sleep(1500);
        assertThat(rounds).as("two nudges in one committed transaction, none from the rolled-back one").hasSize(1);
    }

    /** A loop whose rounds return the given outcomes in turn, then the last one for ever. */
    private BackgroundLoop start(BackgroundLoop.Outcome... outcomes) {
        Queue<BackgroundLoop.Outcome> script = new ConcurrentLinkedQueue<>(List.of(outcomes));
        BackgroundLoop.Outcome last = outcomes[outcomes.length - 1];
        return BackgroundLoop.start("test-loop", INTERVAL, BACKOFF, () -> {
            rounds.add(System.nanoTime());
            BackgroundLoop.Outcome next = script.poll();
            return next == null ? last : next;
        });
    }

    /** Asks for a round as a committed transaction does. */
    private void nudge() {
        QuarkusTransaction.requiringNew().run(() -> loop.nudgeAfterCommit(transactions));
    }

    private List<Duration> waits() {
        List<Duration> waits = new ArrayList<>();
        synchronized (rounds) {
            for (int i = 1; i < rounds.size(); i++) {
                waits.add(Duration.ofNanos(rounds.get(i) - rounds.get(i - 1)));
            }
        }
        return waits;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
