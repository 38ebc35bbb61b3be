package ru.spb.feedback.notification.delivery;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creates deliveries and keeps their log; the dispatcher sends them. */
@ApplicationScoped
public class Deliveries {

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    RetrySchedules schedules;

    /** The in-app channel has no outbound step: storing the notification is its delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void loggedInApp(Notification notification) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.notificationId = notification.id;
        attempt.channel = Channel.IN_APP;
        attempt.attempt = 1;
        attempt.outcome = AttemptOutcome.DELIVERED;
        attempt.durationMs = 0;
        attempt.attemptedAt = notification.createdAt;
        attempt.persist();
        metrics.attempted(Channel.IN_APP, AttemptOutcome.DELIVERED);
    }

    /** Schedules the e-mail of a notification, once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleEmail(EventEnvelope envelope, Notification notification) {
        insert(envelope, notification, Channel.EMAIL, Delivery.CITIZEN_TARGET, null, null, schedules.attemptsPerRound(Channel.EMAIL));
    }

    /** Schedules the e-mail of a supporter's notification, once per event and supporter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleSupporterEmail(EventEnvelope envelope, Notification notification) {
        insertWithId(UUID.randomUUID(), envelope, notification.citizenId, notification, Channel.EMAIL,
                Delivery.SUPPORTER_TARGET_PREFIX + notification.id, null, null, schedules.attemptsPerRound(Channel.EMAIL));
    }

    /** Schedules a webhook call to one subscription, once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleWebhook(EventEnvelope envelope, Notification notification, UUID subscriptionId, UUID deliveryId,
                                String payload) {
        insertWithId(deliveryId, envelope, envelope.citizenId(), notification, Channel.WEBHOOK, subscriptionId.toString(), subscriptionId, payload,
                schedules.attemptsPerRound(Channel.WEBHOOK));
    }

    /** Schedules the confirmation e-mail of an area-alert subscription (its link is made when it is sent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleAreaAlertConfirmation(UUID alertId) {
        insertAreaAlert(null, AREA_ALERT_CONFIRMATION_TYPE, null, alertId, Delivery.AREA_ALERT_CONFIRMATION_PREFIX + alertId);
    }

    /** Schedules an area alert about the event's appeal to one subscription, once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleAreaAlert(EventEnvelope envelope, UUID alertId) {
        insertAreaAlert(envelope.eventId(), envelope.eventType(), envelope.appealId(), alertId, Delivery.AREA_ALERT_PREFIX + alertId);
    }

    /** The event type of a confirmation e-mail's delivery, which no event caused. */
    public static final String AREA_ALERT_CONFIRMATION_TYPE = "AreaAlertConfirmation";

    private void insertAreaAlert(UUID eventId, String eventType, UUID appealId, UUID alertId, String target) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entityManager.createNativeQuery("""
                        insert into delivery (id, channel, event_id, event_type, appeal_id, area_alert_id, target, status,
                                              attempts, attempts_allowed, next_attempt_at, created_at, updated_at)
                        values (:id, 'EMAIL', :event, :type, :appeal, :alert, :target, 'PENDING', 0, :allowed, :now, :now, :now)
                        on conflict (event_id, channel, target) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("event", eventId)
                .setParameter("type", eventType)
                .setParameter("appeal", appealId)
                .setParameter("alert", alertId)
                .setParameter("target", target)
                .setParameter("allowed", schedules.attemptsPerRound(Channel.EMAIL))
                .setParameter("now", now)
                .executeUpdate();
        dispatcher.nudgeAfterCommit();
    }

    private void insert(EventEnvelope envelope, Notification notification, Channel channel, String target, UUID subscriptionId,
                        String payload, int attemptsAllowed) {
        insertWithId(UUID.randomUUID(), envelope, envelope.citizenId(), notification, channel, target, subscriptionId, payload,
                attemptsAllowed);
    }

    /** @param citizenId whose contact an e-mail goes to: the author's, or a supporter's */
    private void insertWithId(UUID id, EventEnvelope envelope, String citizenId, Notification notification, Channel channel,
                              String target, UUID subscriptionId, String payload, int attemptsAllowed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entityManager.createNativeQuery("""
                        insert into delivery (id, channel, event_id, event_type, appeal_id, citizen_id, notification_id,
                                              subscription_id, target, payload, status, attempts, attempts_allowed,
                                              next_attempt_at, created_at, updated_at)
                        values (:id, :channel, :event, :type, :appeal, :citizen, :notification, :subscription, :target,
                                :payload, 'PENDING', 0, :allowed, :now, :now, :now)
                        on conflict (event_id, channel, target) do nothing""")
                .setParameter("id", id)
                .setParameter("channel", channel.name())
                .setParameter("event", envelope.eventId())
                .setParameter("type", envelope.eventType())
                .setParameter("appeal", envelope.appealId())
                .setParameter("citizen", citizenId)
                .setParameter("notification", notification.id)
                .setParameter("subscription", subscriptionId)
                .setParameter("target", target)
                .setParameter("payload", payload)
                .setParameter("allowed", attemptsAllowed)
                .setParameter("now", now)
                .executeUpdate();
        dispatcher.nudgeAfterCommit();
    }

    /** Another round of attempts for a delivery that is not waiting already. */
    @Transactional
    public DeliveryView redeliver(UUID subscriptionId, UUID deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !subscriptionId.equals(delivery.subscriptionId)) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        if (delivery.status == DeliveryStatus.PENDING) {
            throw ProblemException.conflict("delivery-pending", "The delivery is already waiting for its next attempt");
        }
        return requeue(delivery);
    }

    /** An admin's retry of a delivery that was given up: another round of attempts, due now. */
    @Transactional
    public DeliveryView retryFailed(UUID deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        if (delivery.status != DeliveryStatus.FAILED) {
            throw ProblemException.conflict("delivery-not-failed", "Only a FAILED delivery can be retried; this one is " + delivery.status);
        }
        return requeue(delivery);
    }

    /** Another round of attempts, due now (the dispatcher is asked for a round after the commit). */
    private DeliveryView requeue(Delivery delivery) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        delivery.status = DeliveryStatus.PENDING;
        delivery.attemptsAllowed = delivery.attempts + schedules.attemptsPerRound(delivery.channel);
        delivery.nextAttemptAt = now;
        delivery.updatedAt = now;
        dispatcher.nudgeAfterCommit();
        return view(delivery);
    }

    /** An admin's retry of every given-up delivery of a channel (of both outbound channels without one). */
    @Transactional
    public int retryAllFailed(Channel channel) {
        int retried = 0;
        for (Channel outbound : channel == null ? List.of(Channel.EMAIL, Channel.WEBHOOK) : List.of(channel)) {
            retried += entityManager.createNativeQuery("""
                            update delivery set status = 'PENDING', attempts_allowed = attempts + :round,
                                                next_attempt_at = :now, updated_at = :now
                            where status = 'FAILED' and channel = :channel""")
                    .setParameter("round", schedules.attemptsPerRound(outbound))
                    .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                    .setParameter("channel", outbound.name())
                    .executeUpdate();
        }
        if (retried > 0) {
            dispatcher.nudgeAfterCommit();
        }
        return retried;
    }

    /** Deliveries of every subscription and citizen, newest first, each with its attempts: what operators see. */
    @Transactional
    public PageView<DeliveryView> list(DeliveryStatus status, Channel channel, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            parameters.put("status", status);
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            parameters.put("channel", channel);
        }
        return page(Delivery.find(where.toString(), Sort.descending("createdAt", "id"), parameters), page, size);
    }

    /** Cancels what still waits for a subscription that is being deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(UUID subscriptionId) {
        return Delivery.update("status = ?1, nextAttemptAt = null, updatedAt = ?2 where subscriptionId = ?3 and status = ?4",
                DeliveryStatus.CANCELLED, Instant.now(), subscriptionId, DeliveryStatus.PENDING);
    }

    /** A subscription's deliveries, newest first, each with its attempts. */
    @Transactional
    public PageView<DeliveryView> ofSubscription(UUID subscriptionId, DeliveryStatus status, int page, int size) {
        PanacheQuery<Delivery> query = status == null
                ? Delivery.find("subscriptionId = ?1", Sort.descending("createdAt", "id"), subscriptionId)
                : Delivery.find("subscriptionId = ?1 and status = ?2", Sort.descending("createdAt", "id"), subscriptionId, status);
        return page(query, page, size);
    }

    private PageView<DeliveryView> page(PanacheQuery<Delivery> query, int page, int size) {
        List<Delivery> deliveries = query.page(Page.of(page, size)).list();
        Map<UUID, List<DeliveryAttempt>> attempts = deliveries.isEmpty() ? Map.of()
                : DeliveryAttempt.<DeliveryAttempt>list("deliveryId in ?1", Sort.ascending("attempt", "id"),
                        deliveries.stream().map(delivery -> delivery.id).toList())
                .stream().collect(Collectors.groupingBy(attempt -> attempt.deliveryId));
        List<DeliveryView> items = deliveries.stream()
                .map(delivery -> DeliveryView.of(delivery, attempts.getOrDefault(delivery.id, List.of()))).toList();
        return PageView.of(items, page, size, query.count());
    }

    private DeliveryView view(Delivery delivery) {
        return DeliveryView.of(delivery, DeliveryAttempt.list("deliveryId", Sort.ascending("attempt", "id"), delivery.id));
    }
}
