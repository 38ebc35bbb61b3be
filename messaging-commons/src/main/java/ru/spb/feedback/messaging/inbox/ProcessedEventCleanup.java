package ru.spb.feedback.messaging.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.spb.feedback.messaging.jobs.ClusterLock;

import java.time.Duration;
import java.time.Instant;

/**
 * Forgets processed event ids past {@code inbox.retention}, in one copy at a time. Keep the
 * retention longer than the topics' own: a redelivery can only come from what Kafka still holds.
 */
@ApplicationScoped
public class ProcessedEventCleanup {

    @Inject
    EntityManager entityManager;

    @Inject
    ClusterLock clusterLock;

    /** How long a processed event id is remembered. */
    @ConfigProperty(name = "inbox.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(every = "${inbox.cleanup-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldEvents() {
        if (clusterLock.tryLockForTransaction("processed-event-cleanup")) {
            entityManager.createNativeQuery("delete from processed_event where processed_at < :cutoff")
                    .setParameter("cutoff", Instant.now().minus(retention))
                    .executeUpdate();
        }
    }
}
