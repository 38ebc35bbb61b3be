package ru.spb.feedback.appeals.integrator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An integrator's Open311 API key. The key itself is never stored: only its SHA-256, and its
 * first characters so admins and integrators can tell keys apart.
 */
@Entity
@Table(name = "integrator_key")
public class IntegratorKey extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The integrator: the subject of its JWT client, which also owns its webhook subscriptions. */
    @Column(name = "integrator_id", nullable = false)
    public String integratorId;

    /** What the key is for, e.g. the integrator's product. */
    @Column(nullable = false)
    public String name;

    /** When set, reads of other integrators' requests are limited to this municipality (OSM relation id). */
    @Column(name = "municipality_code")
    public String municipalityCode;

    /** Requests per minute this key may make; null for the configured default. */
    @Column(name = "requests_per_minute")
    public Integer requestsPerMinute;

    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** Updated at most once a minute, so a busy key does not write on every request. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
