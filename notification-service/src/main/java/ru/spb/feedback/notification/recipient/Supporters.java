package ru.spb.feedback.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who supports which appeal, learned from {@code AppealSupported}: supporters get a notification
 * of every citizen-visible event of the appeal after their support, like its author.
 */
@ApplicationScoped
public class Supporters {

    @Inject
    EntityManager entityManager;

    /** Remembers the supporter; a repeated event changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID appealId, String citizenId, Instant since) {
        entityManager.createNativeQuery("""
                        insert into appeal_supporter (appeal_id, citizen_id, supported_at) values (:appeal, :citizen, :since)
                        on conflict (appeal_id, citizen_id) do nothing""")
                .setParameter("appeal", appealId)
                .setParameter("citizen", citizenId)
                .setParameter("since", since)
                .executeUpdate();
    }

    /** Forgets a supporter who withdrew their support; nothing changes if they were not one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID appealId, String citizenId) {
        entityManager.createNativeQuery("delete from appeal_supporter where appeal_id = :appeal and citizen_id = :citizen")
                .setParameter("appeal", appealId)
                .setParameter("citizen", citizenId)
                .executeUpdate();
    }

    /** The appeal's supporters, earliest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> of(UUID appealId) {
        return entityManager.createNativeQuery(
                        "select citizen_id from appeal_supporter where appeal_id = :appeal order by supported_at, citizen_id")
                .setParameter("appeal", appealId)
                .getResultList();
    }
}
