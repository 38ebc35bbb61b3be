package ru.spb.feedback.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The delivery log: one attempt on one channel, with its outcome. Errors never contain contact data. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for the in-app channel, which has no outbound delivery. */
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "notification_id") // null for area-alert e-mails
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptOutcome outcome;

    /** A webhook receiver's answer, if it gave one. */
    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
