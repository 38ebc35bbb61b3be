package ru.spb.feedback.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealSupported;
import ru.spb.feedback.contracts.AppealSupportWithdrawn;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.delivery.Deliveries;
import ru.spb.feedback.notification.inbox.Inbox;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.notification.recipient.Recipient;
import ru.spb.feedback.notification.recipient.Recipients;
import ru.spb.feedback.notification.recipient.Supporters;
import ru.spb.feedback.notification.template.NotificationTemplates;
import ru.spb.feedback.notification.template.RenderedNotification;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.util.List;
import java.util.Optional;

/**
 * Citizens who support another citizen's appeal hear of its progress: for every event the author
 * is notified of, each supporter gets an in-app notification of their own (the supporters'
 * template: no address, description or payload of the author) and an e-mail if this service
 * knows an address they want e-mail at. Not webhooks: integrators subscribe to events, not to
 * people, and get each event once already.
 */
@ApplicationScoped
public class SupporterNotifications {

    @Inject
    Supporters supporters;

    @Inject
    NotificationTemplates templates;

    @Inject
    Inbox inbox;

    @Inject
    Deliveries deliveries;

    @Inject
    Recipients recipients;

    /** {@code AppealSupported}: from now on the supporter is notified too. The event itself is not notified. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void supported(EventEnvelope envelope, AppealSupported payload) {
        supporters.add(envelope.appealId(), payload.supporterId(), envelope.occurredAt());
    }

    /** {@code AppealSupportWithdrawn}: the former supporter is not notified any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(EventEnvelope envelope, AppealSupportWithdrawn payload) {
        supporters.remove(envelope.appealId(), payload.supporterId());
    }

    /** Notifies every supporter of an event whose author's notification was just stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(EventEnvelope envelope, TrackedAppeal appeal, RenderedNotification authorsText) {
        List<String> supporterIds = supporters.of(envelope.appealId());
        if (supporterIds.isEmpty()) {
            return;
        }
        RenderedNotification text = templates.renderForSupporter(envelope, appeal, authorsText.status());
        for (String supporterId : supporterIds) {
            // appeals-service refuses self-support; should such an event come anyway, the author is told once
            if (supporterId.equals(envelope.citizenId())) {
                continue;
            }
            Optional<Notification> created = inbox.addForSupporter(envelope, appeal, text, supporterId);
            if (created.isEmpty()) {
                continue;
            }
            deliveries.loggedInApp(created.get());
            if (recipients.find(supporterId).map(Recipient::emailAddressIfWanted).isPresent()) {
                deliveries.scheduleSupporterEmail(envelope, created.get());
            }
        }
    }
}
