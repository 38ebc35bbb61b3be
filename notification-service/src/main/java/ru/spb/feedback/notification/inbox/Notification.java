package ru.spb.feedback.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message in a citizen's in-app inbox, about one event of one of their appeals. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Database-assigned, increasing: the live stream's event id, for resuming with Last-Event-ID. */
    @Column(insertable = false, updatable = false)
    public long seq;

    @Column(name = "citizen_id") // null once the author deleted their account (AppealAuthorErased)
    public String citizenId;

    /** Unique together with the citizen: the author and each supporter get one notification per event. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    @Column(name = "appeal_number")
    public String appealNumber;

    @Column(name = "status_label", nullable = false)
    public String statusLabel;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String message;

    @Column(name = "municipality_name")
    public String municipalityName;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** About another citizen's appeal that this citizen supports. */
    @Column(name = "supported_appeal", nullable = false)
    public boolean supportedAppeal;
}
