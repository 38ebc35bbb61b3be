package ru.spb.feedback.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An integrator's subscription: which events go to which URL, signed with its own secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token subject of the integrator (or admin) who registered it. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String url;

    /** Comma-separated event type names. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    /** Comma-separated municipality codes; null means every municipality. */
    @Column(name = "municipality_codes")
    public String municipalityCodes;

    public String description;

    /** The signing secret, AES-GCM encrypted (see {@link SecretCipher}). */
    @Column(name = "secret_ciphertext", nullable = false)
    public String secretCiphertext;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> eventTypeList() {
        return split(eventTypes);
    }

    public List<String> municipalityCodeList() {
        return split(municipalityCodes);
    }

    /** Whether an event of this type about an appeal in this municipality (null: not yet known) goes here. */
    public boolean wants(String eventType, String municipalityCode) {
        if (!active || !eventTypeList().contains(eventType)) {
            return false;
        }
        List<String> municipalities = municipalityCodeList();
        return municipalities.isEmpty() || (municipalityCode != null && municipalities.contains(municipalityCode));
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::trim).toList();
    }
}
