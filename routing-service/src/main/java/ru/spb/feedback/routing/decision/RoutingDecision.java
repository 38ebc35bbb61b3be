package ru.spb.feedback.routing.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ru.spb.feedback.contracts.RoutingDecided;

import java.time.Instant;
import java.util.UUID;

/** One routing decision, kept so that anyone can see why an appeal went where it went. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    /** 1 for the first decision, one more after each decline. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "municipality_code", nullable = false)
    public String municipalityCode;

    @Column(name = "municipality_name", nullable = false)
    public String municipalityName;

    @Column(name = "district_name", nullable = false)
    public String districtName;

    @Column(name = "organization_code", nullable = false)
    public String organizationCode;

    @Column(name = "organization_name", nullable = false)
    public String organizationName;

    /** The rule that chose the organization; null when the municipality's default answered. */
    @Column(name = "rule_id")
    public Long ruleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoutingDecided.Method method;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** The count went past the last known calendar year (Monday–Friday assumed). */
    @Column(name = "due_estimated", nullable = false)
    public boolean dueEstimated;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The moderator of a manual decision. */
    @Column(name = "decided_by")
    public String decidedBy;
}
