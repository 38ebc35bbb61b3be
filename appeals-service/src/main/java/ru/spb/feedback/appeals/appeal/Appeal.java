package ru.spb.feedback.appeals.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.TriageRequired;

import java.time.Instant;
import java.util.UUID;

/** A citizen's report of a problem, from registration to its end. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Human tracking number, e.g. {@code SPB-2026-000123}. */
    @Column(nullable = false, unique = true)
    public String number;

    /** The author's token subject. */
    @Column(name = "citizen_id", nullable = false)
    public String citizenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealRegistered.Channel channel;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(nullable = false)
    public String description;

    /** Where the problem is; null only for an Open311 request with an address alone (it goes to triage). */
    public Double lat;

    public Double lon;

    public String address;

    /** An official appeal under 59-ФЗ. */
    @Column(nullable = false)
    public boolean official;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_name")
    public String contactName;

    /** For the {@code OPEN311} channel: the integrator that filed it (its JWT client's subject). */
    @Column(name = "integrator_id")
    public String integratorId;

    /** Open311 {@code media_url}: the integrator's link to a photo of the problem (never fetched here). */
    @Column(name = "media_url")
    public String mediaUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealStatus status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "municipality_name")
    public String municipalityName;

    @Column(name = "district_name")
    public String districtName;

    @Column(name = "organization_code")
    public String organizationCode;

    @Column(name = "organization_name")
    public String organizationName;

    /** Why routing sent it to triage, while it is there. */
    @Enumerated(EnumType.STRING)
    @Column(name = "triage_reason")
    public TriageRequired.Reason triageReason;

    @Column(name = "due_at")
    public Instant dueAt;

    /** When the latest answer was given; unrated answers close automatically some days after. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Set when the organization extended the deadline; it may do so once. */
    @Column(name = "deadline_extended_at")
    public Instant deadlineExtendedAt;

    @Column(name = "deadline_extension_reason")
    public String deadlineExtensionReason;

    /** When the overdue job reported the current due date as missed; null again when the due date changes. */
    @Column(name = "overdue_marked_at")
    public Instant overdueMarkedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    public AppealRejected.Reason rejectionReason;

    @Column(name = "rejection_note")
    public String rejectionNote;

    /** For a rejected duplicate: the appeal it repeats. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /**
     * Citizens supporting it (package {@code support}). Changed only by that package's atomic SQL,
     * never through this entity, so a concurrent save of the appeal cannot overwrite the count.
     */
    @Column(insertable = false, updatable = false)
    public int supporters;

    /** When retention removed its personal data (package {@code privacy}); null until then. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;

    /** Optimistic lock: of two concurrent changes, the second fails instead of overwriting the first. */
    @Version
    public int version;

    /** Nothing more happens to a finished appeal (a late routing decision is ignored). */
    public boolean isFinished() {
        return status.isFinished();
    }

    /** Past its due date without an answer. */
    public boolean isOverdue(Instant now) {
        return dueAt != null && status.awaitsAnswer() && dueAt.isBefore(now);
    }

    /** A new due date: the overdue job may report it again once it passes. */
    public void moveDueDate(Instant dueAt) {
        this.dueAt = dueAt;
        this.overdueMarkedAt = null;
    }
}
