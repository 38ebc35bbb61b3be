package ru.spb.feedback.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbound delivery of one event: an e-mail to the citizen or a webhook call to one
 * subscription. Its retry state lives here, so retries survive restarts.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /** The target of the author's e-mail delivery (one per event). */
    public static final String CITIZEN_TARGET = "citizen";

    /** A supporter's e-mail: the prefix and the id of their notification (one per event and supporter). */
    public static final String SUPPORTER_TARGET_PREFIX = "supporter:";

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Null for an area alert's confirmation e-mail, which no event caused. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** Null for an area alert's confirmation e-mail. */
    @Column(name = "appeal_id")
    public UUID appealId;

    @Column(name = "citizen_id") // null once the author deleted their account (AppealAuthorErased)
    public String citizenId;

    /** Null for area-alert e-mails: they go to a subscriber, not to a citizen's notification. */
    @Column(name = "notification_id")
    public UUID notificationId;

    /** The area-alert subscription an e-mail goes to ({@code alert.AreaAlert}); null for every other delivery. */
    @Column(name = "area_alert_id")
    public UUID areaAlertId;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** An area alert's confirmation e-mail: the prefix and the subscription id (one e-mail per subscription). */
    public static final String AREA_ALERT_CONFIRMATION_PREFIX = "area-alert-confirmation:";

    /** An area alert's e-mail about an appeal: the prefix and the subscription id (one per event and subscription). */
    public static final String AREA_ALERT_PREFIX = "area-alert:";

    /** {@link #CITIZEN_TARGET}, {@link #SUPPORTER_TARGET_PREFIX}… or an area alert's for e-mail, the subscription id for a webhook. */
    @Column(nullable = false)
    public String target;

    /** A webhook's JSON body, without contact data (added at send time to entitled integrators only). */
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    /** Attempts allowed in total; a redeliver raises it. */
    @Column(name = "attempts_allowed", nullable = false)
    public int attemptsAllowed;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
