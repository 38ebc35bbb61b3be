package ru.spb.feedback.notification.ops;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.notification.stream.StreamTickets;

/** Forgets expired stream tickets, in one copy at a time (old processed-event ids: messaging-commons). */
@ApplicationScoped
public class Housekeeping {

    @Inject
    ClusterLock clusterLock;

    @Inject
    StreamTickets tickets;

    @Scheduled(every = "${notification.housekeeping-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void clean() {
        if (!clusterLock.tryLockForTransaction("notification-housekeeping")) {
            return;
        }
        tickets.deleteExpired();
    }
}
