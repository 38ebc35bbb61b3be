package ru.spb.feedback.routing.rule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * "Problems of this kind in this territory are answered by that organization." Without a matching
 * rule the municipality's own administration answers.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    /** Which level of the classifier a rule names; more specific levels win. */
    public enum SubjectLevel {
        PROBLEM_TYPE(3), CATEGORY(2), OBJECT(1), ANY(0);

        final int rank;

        SubjectLevel(int rank) {
            this.rank = rank;
        }
    }

    /** Which territory a rule covers; smaller territories win. */
    public enum TerritoryLevel {
        MUNICIPALITY(2), DISTRICT(1), CITY(0);

        final int rank;

        TerritoryLevel(int rank) {
            this.rank = rank;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_level", nullable = false)
    public SubjectLevel subjectLevel;

    /** Problem type, category or object code; null for ANY. */
    @Column(name = "subject_code")
    public String subjectCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "territory_level", nullable = false)
    public TerritoryLevel territoryLevel;

    /** Municipality or district code; null for CITY. */
    @Column(name = "territory_code")
    public String territoryCode;

    @Column(name = "organization_code", nullable = false)
    public String organizationCode;

    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /**
     * How specific the rule is: the classifier level counts first (a rule about one problem type
     * beats a rule about a whole object anywhere), the territory second.
     */
    public int specificity() {
        return subjectLevel.rank * 3 + territoryLevel.rank;
    }
}
