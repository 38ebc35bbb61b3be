package ru.spb.feedback.notification.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ru.spb.feedback.contracts.AppealRegistered;

import java.time.Instant;
import java.util.UUID;

/**
 * What notifications need to say about an appeal, collected from its events: an event names the
 * municipality once, later notifications still mention it. Also how it arrived and, for Open311,
 * which integrator filed it (own-requests webhook subscriptions, the {@code open311} block).
 */
@Entity
@Table(name = "tracked_appeal")
public class TrackedAppeal extends PanacheEntityBase {

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    public String number;

    /** The author; null once they deleted their account ({@code AppealAuthorErased}). */
    @Column(name = "citizen_id")
    public String citizenId;

    @Column(name = "category_name")
    public String categoryName;

    public String address;

    /** Where the problem is (AppealRegistered.location), for area alerts; null until registration was seen. */
    public Double lat;

    public Double lon;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "municipality_name")
    public String municipalityName;

    @Column(name = "organization_name")
    public String organizationName;

    @Column(name = "due_at")
    public Instant dueAt;

    /** How the appeal arrived; null until its {@code AppealRegistered} has been seen. */
    @Enumerated(EnumType.STRING)
    public AppealRegistered.Channel channel;

    /** For the {@code OPEN311} channel, the integrator (token subject) that filed it. */
    @Column(name = "integrator_id")
    public String integratorId;

    /** An official appeal under 59-ФЗ; null until its {@code AppealRegistered} has been seen. */
    public Boolean official;

    /** Whether its problem type may be shown publicly; null while unknown (older events), which counts as not. */
    @Column(name = "public_category")
    public Boolean publicCategory;

    /** When it was closed, rejected or withdrawn: the retention period of its personal data runs from here. */
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the retention job purged its personal data; null until then. */
    @Column(name = "personal_data_purged_at")
    public Instant personalDataPurgedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Reported through an integrator (Open311): the citizen has no account here to rate the answer or to set preferences in. */
    public boolean viaIntegrator() {
        return channel == AppealRegistered.Channel.OPEN311;
    }

    /**
     * Whether the public view may show it (as appeals-service's public lists): not official and of a
     * public problem type, both known for sure. Unknown is not shown.
     */
    public boolean shownPublicly() {
        return Boolean.FALSE.equals(official) && Boolean.TRUE.equals(publicCategory);
    }

    /** Whether this integrator filed the appeal through Open311: its number is then the integrator's service request id. */
    public boolean filedThroughOpen311By(String integrator) {
        return viaIntegrator() && integratorId != null && integratorId.equals(integrator);
    }
}
