package ru.spb.feedback.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ru.spb.feedback.notification.template.TrackedAppeal;

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

    /** Only events of appeals the owner filed through Open311. */
    @Column(name = "own_requests_only", nullable = false)
    public boolean ownRequestsOnly;

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

    /**
     * Whether an event of this type about this appeal goes here: the appeal's municipality (null: not yet
     * known) must pass the municipality filter, and for {@link #ownRequestsOnly} the owner must have filed
     * the appeal through Open311 (an appeal whose registration was not seen is nobody's).
     */
    public boolean wants(String eventType, String municipalityCode, TrackedAppeal appeal) {
        if (!active || !eventTypeList().contains(eventType)) {
            return false;
        }
        if (ownRequestsOnly && !appeal.filedThroughOpen311By(ownerId)) {
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
