package ru.spb.feedback.notification.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealAuthorErased;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.delivery.Channel;
import ru.spb.feedback.notification.delivery.Delivery;
import ru.spb.feedback.notification.delivery.DeliveryStatus;
import ru.spb.feedback.notification.template.TrackedAppeal;
import ru.spb.feedback.notification.webhook.WebhookPayloads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets what this service holds about a person: the contact ({@code recipient}), the texts
 * written to them (notification messages, which the e-mails are rendered from, and the copies in
 * stored webhook bodies) and the appeal's address. Inbox entries, deliveries and their log stay,
 * with a neutral line instead of the text: the titles name only the appeal number and the status.
 */
@ApplicationScoped
public class PersonalData {

    /** What a notification says once its retention period is over. */
    public static final String EXPIRED = "Текст уведомления удалён: истёк срок хранения.";
    /** What a notification says once its recipient, the appeal's author, deleted their account. */
    public static final String ERASED = "Текст уведомления удалён: автор обращения удалил учётную запись.";

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookPayloads payloads;

    /**
     * The author deleted their account (one event per appeal of theirs): their contact and
     * preferences go, and for this appeal their id, the texts written to them and the address.
     * Their inbox entries of the appeal stay, belonging to nobody; what still waits to be sent to
     * them or about them is cancelled. Supporters' notifications never quoted the author: they stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorErased(EventEnvelope envelope, AppealAuthorErased payload) {
        String author = envelope.citizenId();
        UUID appeal = envelope.appealId();
        if (author == null) {
            return;
        }
        entityManager.createNativeQuery("delete from recipient where citizen_id = :author")
                .setParameter("author", author).executeUpdate();
        entityManager.createNativeQuery("delete from stream_ticket where citizen_id = :author")
                .setParameter("author", author).executeUpdate();
        redactDeliveries(appeal, author, ERASED);
        entityManager.createNativeQuery("""
                        update notification set message = :text, citizen_id = null, read_at = coalesce(read_at, now())
                        where appeal_id = :appeal and citizen_id = :author""")
                .setParameter("text", ERASED).setParameter("appeal", appeal).setParameter("author", author).executeUpdate();
        TrackedAppeal tracked = TrackedAppeal.findById(appeal);
        if (tracked != null && author.equals(tracked.citizenId)) {
            tracked.citizenId = null;
            tracked.address = null;
            tracked.lat = null; // the point is as telling as the address
            tracked.lon = null;
            tracked.updatedAt = Instant.now();
        }
    }

    /**
     * The retention period of a finished appeal is over: every notification of it loses its text
     * (the author's and the supporters'), the address goes, supporters are forgotten, and the
     * author's contact goes too unless an appeal of theirs still needs it or they saved it
     * themselves in their preferences (then it is their account's, erased with the account).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(TrackedAppeal appeal) {
        redactDeliveries(appeal.appealId, null, EXPIRED);
        entityManager.createNativeQuery("update notification set message = :text where appeal_id = :appeal")
                .setParameter("text", EXPIRED).setParameter("appeal", appeal.appealId).executeUpdate();
        entityManager.createNativeQuery("delete from appeal_supporter where appeal_id = :appeal")
                .setParameter("appeal", appeal.appealId).executeUpdate();
        if (appeal.citizenId != null) {
            entityManager.createNativeQuery("""
                            delete from recipient r where r.citizen_id = :author and r.preferences_set_at is null
                            and not exists (select 1 from tracked_appeal t where t.citizen_id = r.citizen_id
                                            and t.appeal_id <> :appeal and t.personal_data_purged_at is null)""")
                    .setParameter("author", appeal.citizenId).setParameter("appeal", appeal.appealId).executeUpdate();
        }
        appeal.address = null;
        appeal.lat = null; // the point is as telling as the address
        appeal.lon = null;
        appeal.personalDataPurgedAt = Instant.now();
        appeal.updatedAt = appeal.personalDataPurgedAt;
    }

    /**
     * The appeal's deliveries (only those to or about {@code citizen}, if given): waiting ones are
     * cancelled, stored webhook bodies get the neutral line, and the citizen's id goes.
     */
    private void redactDeliveries(UUID appeal, String citizen, String text) {
        List<Delivery> deliveries = citizen == null
                ? Delivery.list("appealId", appeal)
                : Delivery.list("appealId = ?1 and citizenId = ?2", appeal, citizen);
        Instant now = Instant.now();
        for (Delivery delivery : deliveries) {
            if (delivery.status == DeliveryStatus.PENDING) {
                delivery.status = DeliveryStatus.CANCELLED;
                delivery.nextAttemptAt = null;
            }
            if (delivery.channel == Channel.WEBHOOK && delivery.payload != null) {
                delivery.payload = payloads.withMessage(delivery.payload, text);
            }
            if (citizen != null) {
                delivery.citizenId = null;
            }
            delivery.updatedAt = now;
        }
    }
}
