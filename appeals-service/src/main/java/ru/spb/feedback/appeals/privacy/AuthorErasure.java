package ru.spb.feedback.appeals.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealEvents;
import ru.spb.feedback.contracts.AppealAuthorErased;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.outbox.Outbox;
import ru.spb.feedback.web.RequestIds;

import java.time.Instant;
import java.util.UUID;

/**
 * Unties one appeal from its author: the author's id becomes a random placeholder (no hash: a hash
 * of the old id could be recomputed by whoever knows it), the contact goes, the author's id goes
 * from the audit trail and the photos, and {@code AppealAuthorErased} tells the other services
 * (envelope with the old id, so they can find what they hold), in the same transaction.
 */
@ApplicationScoped
public class AuthorErasure {

    /** Placeholders start with this, so nobody mistakes them for a token's subject. */
    static final String PLACEHOLDER_PREFIX = "erased:";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    /** The appeal must be locked by the caller; an appeal already untied is left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Appeal appeal, Instant now) {
        if (isPlaceholder(appeal.citizenId)) {
            return;
        }
        EventEnvelope.AppealRef before = AppealEvents.ref(appeal);
        String placeholder = PLACEHOLDER_PREFIX + UUID.randomUUID();
        entityManager.createNativeQuery("""
                        update appeal_status_change set actor_id = :placeholder where appeal_id = :appeal and actor_id = :author""")
                .setParameter("placeholder", placeholder)
                .setParameter("appeal", appeal.id)
                .setParameter("author", appeal.citizenId)
                .executeUpdate();
        entityManager.createNativeQuery("update upload set owner_id = :placeholder where appeal_id = :appeal and owner_id = :author")
                .setParameter("placeholder", placeholder)
                .setParameter("appeal", appeal.id)
                .setParameter("author", appeal.citizenId)
                .executeUpdate();
        appeal.citizenId = placeholder;
        appeal.contactEmail = null;
        appeal.contactName = null;
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(new AppealAuthorErased(now), before, now, RequestIds.current()));
    }

    static boolean isPlaceholder(String citizenId) {
        return citizenId.startsWith(PLACEHOLDER_PREFIX);
    }
}
