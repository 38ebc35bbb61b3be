package ru.spb.feedback.messaging.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.messaging.jobs.ClusterLock;

import java.time.Instant;

/** Deletes published outbox rows past their retention, in one copy at a time. */
@ApplicationScoped
public class OutboxCleanup {

    @Inject
    OutboxConfig config;

    @Inject
    ClusterLock clusterLock;

    @Scheduled(every = "${outbox.cleanup-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deletePublished() {
        if (clusterLock.tryLockForTransaction("outbox-cleanup")) {
            OutboxEvent.delete("publishedAt < ?1", Instant.now().minus(config.retention()));
        }
    }
}
