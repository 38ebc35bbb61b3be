package ru.spb.feedback.appeals.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import ru.spb.feedback.messaging.jobs.ClusterLock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deletes uploads that no appeal or answer named within {@code unattached-retention}: rows and
 * bytes. One copy of the service at a time (advisory lock); a batch per transaction, and rows an
 * attaching request holds are skipped, so a photo attached at that moment survives.
 */
@ApplicationScoped
public class UploadCleanup {

    private static final Logger LOG = Logger.getLogger(UploadCleanup.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ClusterLock clusterLock;

    @Inject
    PhotoStorage storage;

    @Inject
    UploadsConfig config;

    @Scheduled(every = "${appeals.uploads.cleanup-interval:PT1H}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int deleted = deleteUnattached(Instant.now().minus(config.unattachedRetention()));
        if (deleted > 0) {
            LOG.infof("deleted %d uploads nobody attached", deleted);
        }
    }

    /** Deletes unattached uploads created before {@code cutoff}; returns how many. */
    int deleteUnattached(Instant cutoff) {
        int total = 0;
        while (true) {
            Integer batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(cutoff));
            if (batch == null) {
                return total; // another copy holds the lock
            }
            total += batch;
            if (batch < config.cleanupBatchSize()) {
                return total;
            }
        }
    }

    private Integer deleteBatch(Instant cutoff) {
        if (!clusterLock.tryLockForTransaction("upload-cleanup")) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        delete from upload where id in (
                            select id from upload where appeal_id is null and created_at < :cutoff
                            order by created_at limit :batch for update skip locked)
                        returning id""", UUID.class)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", config.cleanupBatchSize())
                .getResultList();
        for (UUID id : ids) {
            try {
                // a failure rolls the rows back too; the next round tries again (deleting twice is harmless)
                storage.delete(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids.size();
    }
}
