package ru.spb.feedback.notification.ops;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.stream.StreamTickets;

import java.time.Instant;

/** Forgets expired stream tickets and old processed-event ids, in one copy at a time. */
@ApplicationScoped
public class Housekeeping {

    @Inject
    ClusterLock clusterLock;

    @Inject
    StreamTickets tickets;

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationConfig config;

    @Scheduled(every = "${notification.housekeeping-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void clean() {
        if (!clusterLock.tryLockForTransaction("notification-housekeeping")) {
            return;
        }
        tickets.deleteExpired();
        entityManager.createNativeQuery("delete from processed_event where processed_at < :cutoff")
                .setParameter("cutoff", Instant.now().minus(config.retention().processedEvents()))
                .executeUpdate();
    }
}
