package ru.spb.feedback.appeals.privacy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.PublicView;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.messaging.jobs.BackgroundLoop;
import ru.spb.feedback.messaging.jobs.ClusterLock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Removes the personal data of appeals finished longer ago than {@code appeals.retention.after-finished}
 * (ADR 0017): the author is untied ({@link AuthorErasure}, which also tells the other services), and
 * what only the author and the organization needed goes: the description, the answers (they address
 * the person), the citizen's rating comments and the rejection note; the address is cut to the
 * street and the point rounded as in the {@link PublicView}. Number, problem type, municipality,
 * organization, dates and statuses stay, for statistics. One copy at a time (advisory lock), a
 * batch per transaction.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    /** What a removed text reads as (the columns are not null). */
    static final String REMOVED = "[удалено по истечении срока хранения]";
    private static final List<String> FINISHED = Arrays.stream(AppealStatus.values())
            .filter(AppealStatus::isFinished).map(Enum::name).toList();

    @Inject
    AppealsConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    ClusterLock clusterLock;

    @Inject
    AuthorErasure erasure;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) {
        if (config.lifecycle().jobsEnabled()) {
            loop = BackgroundLoop.start("retention", config.retention().checkInterval(), Duration.ofSeconds(10), () ->
                    anonymiseFinished(Instant.now()) >= config.retention().batchSize()
                            ? BackgroundLoop.Outcome.MORE : BackgroundLoop.Outcome.IDLE);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(5));
        }
    }

    /** Anonymises one batch of appeals finished before {@code now} minus the period; returns how many. */
    @Transactional
    public int anonymiseFinished(Instant now) {
        if (!clusterLock.tryLockForTransaction("retention")) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from appeal
                         where personal_data_erased_at is null and status in (:finished) and updated_at < :before
                         order by updated_at limit :batch for update skip locked""", UUID.class)
                .setParameter("finished", FINISHED)
                .setParameter("before", now.minus(config.retention().afterFinished()))
                .setParameter("batch", config.retention().batchSize())
                .getResultList();
        Instant erasedAt = now.truncatedTo(ChronoUnit.MICROS);
        for (UUID id : ids) {
            anonymise(Appeal.findById(id), erasedAt);
        }
        if (!ids.isEmpty()) {
            LOG.infof("retention: personal data of %d finished appeals removed", ids.size());
        }
        return ids.size();
    }

    private void anonymise(Appeal appeal, Instant now) {
        erasure.erase(appeal, now);
        PublicView kept = PublicView.of(appeal);
        appeal.description = REMOVED;
        appeal.address = kept.address();
        appeal.lat = kept.lat();
        appeal.lon = kept.lon();
        appeal.rejectionNote = null;
        appeal.personalDataErasedAt = now;
        entityManager.createNativeQuery("update appeal_answer set text = :removed where appeal_id = :appeal")
                .setParameter("removed", REMOVED).setParameter("appeal", appeal.id).executeUpdate();
        // the citizen's comments and the notes of each step (moderators quote what they reject)
        entityManager.createNativeQuery("update appeal_feedback set comment = null where appeal_id = :appeal")
                .setParameter("appeal", appeal.id).executeUpdate();
        entityManager.createNativeQuery("update appeal_status_change set note = null where appeal_id = :appeal")
                .setParameter("appeal", appeal.id).executeUpdate();
    }
}
