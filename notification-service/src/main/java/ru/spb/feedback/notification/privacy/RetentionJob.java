package ru.spb.feedback.notification.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.notification.alert.AreaAlerts;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.time.Instant;
import java.util.List;

/**
 * Purges the personal data of appeals finished longer ago than
 * {@code notification.retention.after-finished}, in one copy at a time and in batches, and the
 * addresses of area-alert subscriptions that were never confirmed and cannot be any more
 * (unsubscribing erases the address at once).
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    ClusterLock clusterLock;

    @Inject
    NotificationConfig config;

    @Inject
    PersonalData personalData;

    @Inject
    AreaAlerts areaAlerts;

    @Scheduled(every = "${notification.retention.interval:PT1H}", delayed = "${notification.retention.delay:PT5M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void run() {
        if (!clusterLock.tryLockForTransaction("notification-retention")) {
            return;
        }
        Instant cutoff = Instant.now().minus(config.retention().afterFinished());
        List<TrackedAppeal> due = TrackedAppeal.<TrackedAppeal>find(
                        "finishedAt < ?1 and personalDataPurgedAt is null order by finishedAt", cutoff)
                .page(0, config.retention().batchSize()).list();
        due.forEach(personalData::purge);
        if (!due.isEmpty()) {
            LOG.infof("purged the personal data of %d finished appeals", due.size()); // counts only, never whose
        }
        int erased = areaAlerts.eraseUnconfirmed(Instant.now());
        if (erased > 0) {
            LOG.infof("erased the addresses of %d area-alert subscriptions never confirmed", erased);
        }
    }
}
