package ru.spb.feedback.appeals.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.support.AppealSupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A citizen deletes their account: every appeal of theirs stays (organizations answer it, the
 * public feed and statistics keep it) but is untied from them ({@link AuthorErasure}); their
 * supports of others' appeals are withdrawn; their Idempotency-Keys go.
 * Afterwards nothing here names them, so a second deletion finds nothing and changes nothing.
 */
@ApplicationScoped
public class AccountDeletion {

    private static final Logger LOG = Logger.getLogger(AccountDeletion.class);

    @Inject
    EntityManager entityManager;

    @Inject
    AuthorErasure erasure;

    @Inject
    AppealSupport support;

    /** Returns how many appeals were untied from the citizen. */
    @Transactional
    public int delete(String citizenId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Appeal> appeals = entityManager.createQuery("select a from Appeal a where a.citizenId = :citizen order by a.registeredAt",
                        Appeal.class)
                .setParameter("citizen", citizenId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        appeals.forEach(appeal -> erasure.erase(appeal, now));
        @SuppressWarnings("unchecked")
        List<UUID> supported = entityManager.createNativeQuery(
                        "select appeal_id from appeal_supporter where citizen_id = :citizen order by appeal_id", UUID.class)
                .setParameter("citizen", citizenId)
                .getResultList();
        // withdrawn, not kept under a placeholder: AppealSupportWithdrawn makes notification-service forget them too
        supported.forEach(appealId -> support.withdraw(citizenId, appealId));
        entityManager.createNativeQuery("update upload set owner_id = :prefix || gen_random_uuid() where owner_id = :citizen")
                .setParameter("prefix", AuthorErasure.PLACEHOLDER_PREFIX)
                .setParameter("citizen", citizenId)
                .executeUpdate();
        entityManager.createNativeQuery("delete from idempotency_key where caller_id = :citizen")
                .setParameter("citizen", citizenId)
                .executeUpdate();
        // the count only: the id is the person
        LOG.infof("an account was deleted: %d appeals untied from their author", appeals.size());
        return appeals.size();
    }
}
