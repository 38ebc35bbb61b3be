package ru.spb.feedback.messaging.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the change it reports.
 * The identity column gives the publish order. Each service creates the table in its own
 * migration (see {@code outbox_event} in the service's {@code V1} script).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The Kafka key: the appeal id, so all events of one appeal share a partition and keep their order. */
    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "schema_version", nullable = false)
    public int schemaVersion;

    /** The encoded {@link ru.spb.feedback.contracts.EventEnvelope}. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Failed publish attempts so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
