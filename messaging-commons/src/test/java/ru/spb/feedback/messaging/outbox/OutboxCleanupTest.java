package ru.spb.feedback.messaging.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.messaging.jobs.ClusterLock;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OutboxCleanupTest {

    @Inject
    OutboxCleanup cleanup;

    @Inject
    OutboxConfig config;

    @Inject
    ClusterLock clusterLock;

    @Test
    void deletesPublishedRowsPastTheRetentionAndKeepsTheRest() {
        Instant now = Instant.now();
        UUID old = row(now.minus(Duration.ofDays(30)), now.minus(config.retention()).minus(Duration.ofHours(1)));
        UUID recent = row(now.minus(Duration.ofDays(30)), now.minus(config.retention()).plus(Duration.ofHours(1)));
        UUID neverPublished = row(now.minus(config.retention().multipliedBy(3)), null);

        cleanup.deletePublished();

        assertThat(exists(old)).as("published before the retention").isFalse();
        assertThat(exists(recent)).as("published within the retention").isTrue();
        assertThat(exists(neverPublished)).as("an old row still waiting to be published").isTrue();
    }

    @Test
    void skipsTheRoundWhileAnotherCopyHoldsTheCleanupLock() throws Exception {
        Instant now = Instant.now();
        UUID old = row(now.minus(Duration.ofDays(30)), now.minus(config.retention()).minus(Duration.ofHours(1)));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherCopy = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(clusterLock.tryLockForTransaction("outbox-cleanup")).isTrue();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        otherCopy.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            cleanup.deletePublished();
            assertThat(exists(old)).as("deleted although another copy holds the lock").isTrue();
        } finally {
            release.countDown();
            otherCopy.join(10_000);
        }
        cleanup.deletePublished();
        assertThat(exists(old)).isFalse();
    }

    private static UUID row(Instant createdAt, Instant publishedAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = eventId;
            row.topic = "appeal.events";
            row.messageKey = UUID.randomUUID().toString();
            row.eventType = "AppealWithdrawn";
            row.schemaVersion = 1;
            row.payload = "{}";
            row.createdAt = createdAt;
            row.publishedAt = publishedAt;
            row.persist();
        });
        return eventId;
    }

    private static boolean exists(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventId", eventId) == 1);
    }
}
