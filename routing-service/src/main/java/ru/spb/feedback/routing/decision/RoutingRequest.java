package ru.spb.feedback.routing.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ru.spb.feedback.contracts.TriageRequired;

import java.time.Instant;
import java.util.UUID;

/**
 * An appeal as routing knows it: what intake recorded (kept so re-routing and triage need no call
 * back to appeals-service) and where routing stands.
 */
@Entity
@Table(name = "routing_request")
public class RoutingRequest extends PanacheEntityBase {

    /** Where routing stands with an appeal. */
    public enum Status {
        ROUTED,
        /** Waiting for a moderator. */
        TRIAGE,
        /** Finished elsewhere (rejected, withdrawn, closed): nothing more to route. */
        CLOSED
    }

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    @Column(name = "appeal_number", nullable = false)
    public String appealNumber;

    @Column(name = "citizen_id", nullable = false)
    public String citizenId;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "category_name", nullable = false)
    public String categoryName;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "object_code", nullable = false)
    public String objectCode;

    @Column(nullable = false)
    public String description;

    public Double lat;
    public Double lon;
    public String address;

    @Column(nullable = false)
    public boolean official;

    @Column(name = "deadline_working_days", nullable = false)
    public int deadlineWorkingDays;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** The last correction of the problem type; null if the citizen's choice stands. */
    @Column(name = "category_changed_at")
    public Instant categoryChangedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "triage_reason")
    public TriageRequired.Reason triageReason;

    @Column(name = "triage_detail")
    public String triageDetail;

    /** Hints for the moderator, one per line. */
    @Column(name = "triage_hints")
    public String triageHints;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
