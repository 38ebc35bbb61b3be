package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealTransitions;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealOverdue;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.messaging.jobs.BackgroundLoop;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The steps nobody takes by hand: marking missed deadlines (once per due date) and closing
 * answers nobody rated. Several copies may run: each round claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, and a claimed row no longer matches once its transaction
 * commits, so every appeal is handled by exactly one copy, exactly once.
 */
@ApplicationScoped
public class DeadlineJobs {

    private static final Logger LOG = Logger.getLogger(DeadlineJobs.class);
    static final Actor SYSTEM = Actor.system("deadline-jobs");

    @Inject
    AppealsConfig config;

    @Inject
    AppealTransitions transitions;

    @Inject
    EntityManager entityManager;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) {
        if (config.lifecycle().jobsEnabled()) {
            loop = BackgroundLoop.start("deadline-jobs", config.lifecycle().checkInterval(), Duration.ofSeconds(10), () -> {
                int handled = markOverdue(Instant.now()) + autoClose(Instant.now());
                return handled >= config.lifecycle().batchSize() ? BackgroundLoop.Outcome.MORE : BackgroundLoop.Outcome.IDLE;
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(5));
        }
    }

    /** Marks appeals whose due date passed before {@code now}; returns how many. */
    @Transactional
    public int markOverdue(Instant now) {
        List<Appeal> appeals = claim("""
                select id from appeal
                 where due_at < :now and overdue_marked_at is null and status in (:statuses)
                 order by due_at limit :batch for update skip locked""", now, awaitingAnswer());
        for (Appeal appeal : appeals) {
            appeal.overdueMarkedAt = now.truncatedTo(ChronoUnit.MICROS);
            transitions.apply(appeal, AppealAction.MARK_OVERDUE, SYSTEM, "due " + appeal.dueAt + " passed",
                    new AppealOverdue(appeal.organizationCode, appeal.dueAt), null);
        }
        if (!appeals.isEmpty()) {
            LOG.infof("%d appeals marked overdue", appeals.size());
        }
        return appeals.size();
    }

    /** Closes answers nobody rated within {@code appeals.lifecycle.auto-close-days}; returns how many. */
    @Transactional
    public int autoClose(Instant now) {
        Instant answeredBefore = now.minus(Duration.ofDays(config.lifecycle().autoCloseDays()));
        List<Appeal> appeals = claim("""
                select id from appeal
                 where status in (:statuses) and answered_at < :now
                 order by answered_at limit :batch for update skip locked""", answeredBefore, List.of(AppealStatus.ANSWERED.name()));
        for (Appeal appeal : appeals) {
            transitions.apply(appeal, AppealAction.AUTO_CLOSE, SYSTEM,
                    "not rated within " + config.lifecycle().autoCloseDays() + " days",
                    new AppealClosed(AppealClosed.Resolution.NOT_RATED, null), null);
        }
        if (!appeals.isEmpty()) {
            LOG.infof("%d unrated answers closed", appeals.size());
        }
        return appeals.size();
    }

    /** Locks a batch of matching rows, skipping those another copy holds, and loads them. */
    @SuppressWarnings("unchecked")
    private List<Appeal> claim(String sql, Instant now, List<String> statuses) {
        List<UUID> ids = entityManager.createNativeQuery(sql, UUID.class)
                .setParameter("now", now)
                .setParameter("statuses", statuses)
                .setParameter("batch", config.lifecycle().batchSize())
                .getResultList();
        return ids.stream().map(id -> (Appeal) Appeal.findById(id)).toList();
    }

    private static List<String> awaitingAnswer() {
        return Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer).map(Enum::name).toList();
    }
}
