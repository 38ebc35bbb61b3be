package ru.spb.feedback.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.delivery.Deliveries;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.util.List;
import java.util.UUID;

/**
 * Schedules a webhook call for every active subscription that wants the event and may hear of the
 * appeal at all ({@link Disclosure}).
 */
@ApplicationScoped
public class WebhookFanOut {

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookPayloads payloads;

    @Transactional(Transactional.TxType.MANDATORY)
    public int schedule(EventEnvelope envelope, TrackedAppeal appeal, Notification notification) {
        String municipality = appeal.municipalityCode != null ? appeal.municipalityCode : envelope.municipalityCode();
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("active", true);
        int scheduled = 0;
        for (WebhookSubscription subscription : subscriptions) {
            Disclosure disclosure = Disclosure.of(appeal, subscription.ownerId);
            if (disclosure != Disclosure.NONE && subscription.wants(envelope.eventType(), municipality, appeal)) {
                UUID deliveryId = UUID.randomUUID();
                deliveries.scheduleWebhook(envelope, notification, subscription.id, deliveryId,
                        payloads.body(deliveryId, envelope, appeal, notification, disclosure));
                scheduled++;
            }
        }
        return scheduled;
    }
}
