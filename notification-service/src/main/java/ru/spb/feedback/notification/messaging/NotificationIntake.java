package ru.spb.feedback.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.alert.AreaAlerts;
import ru.spb.feedback.notification.delivery.Deliveries;
import ru.spb.feedback.notification.inbox.Inbox;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.notification.recipient.Recipient;
import ru.spb.feedback.notification.recipient.Recipients;
import ru.spb.feedback.notification.template.NotificationTemplates;
import ru.spb.feedback.notification.template.RenderedNotification;
import ru.spb.feedback.notification.template.TrackedAppeal;
import ru.spb.feedback.notification.template.TrackedAppeals;
import ru.spb.feedback.notification.webhook.WebhookFanOut;

import java.util.Optional;

/**
 * Turns one citizen-visible event into notifications on every channel, in the transaction that
 * also records the event as processed: the in-app notification (announced to the live streams on
 * commit), the e-mail if the citizen wants one, a webhook call per interested subscription, and
 * the notifications of the appeal's supporters ({@link SupporterNotifications}), and for a routed
 * or answered appeal the area alerts around it ({@link AreaAlerts}).
 * Every row is unique per event and channel, so nothing is ever sent twice for one event.
 */
@ApplicationScoped
public class NotificationIntake {

    @Inject
    Recipients recipients;

    @Inject
    TrackedAppeals appeals;

    @Inject
    NotificationTemplates templates;

    @Inject
    Inbox inbox;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookFanOut webhooks;

    @Inject
    SupporterNotifications supporters;

    @Inject
    AreaAlerts areaAlerts;

    /** The only event with the citizen's contact: keep it (unless the citizen set preferences), then notify. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(EventEnvelope envelope, AppealRegistered payload) {
        recipients.rememberContact(envelope.citizenId(), payload.contact());
        notify(envelope, appeals.registered(envelope, payload));
    }

    /** Routed: the author is told, and — the appeal being public from now on — area-alert subscribers around it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void routed(EventEnvelope envelope, AppealRouted payload) {
        TrackedAppeal appeal = appeals.routed(envelope, payload);
        notify(envelope, appeal);
        areaAlerts.appealRouted(envelope, appeal);
    }

    /** Answered: notified as any other event, and area-alert subscribers around the appeal hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(EventEnvelope envelope, AppealAnswered payload) {
        TrackedAppeal appeal = appeals.learn(envelope);
        notify(envelope, appeal);
        areaAlerts.appealAnswered(envelope, appeal);
    }

    /** Any other citizen-visible event that has a template. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void other(EventEnvelope envelope) {
        notify(envelope, appeals.learn(envelope));
    }

    /** Whether the consumer handles this event at all: citizen-visible and with a template. */
    public boolean notifiable(EventEnvelope envelope) {
        return envelope.citizenVisible() && templates.exists(envelope.eventType());
    }

    private void notify(EventEnvelope envelope, TrackedAppeal appeal) {
        if (!templates.exists(envelope.eventType())) {
            return;
        }
        RenderedNotification text = templates.render(envelope, appeal);
        Optional<Notification> created = inbox.add(envelope, appeal, text);
        if (created.isEmpty()) {
            return; // this event was notified before
        }
        Notification notification = created.get();
        deliveries.loggedInApp(notification);
        if (recipients.find(envelope.citizenId()).map(Recipient::emailAddressIfWanted).isPresent()) {
            deliveries.scheduleEmail(envelope, notification);
        }
        webhooks.schedule(envelope, appeal, notification);
        supporters.notify(envelope, appeal, text);
    }
}
