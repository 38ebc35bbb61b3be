package ru.spb.feedback.appeals.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization's answer to an appeal; a reopened appeal collects several. */
@Entity
@Table(name = "appeal_answer")
public class AppealAnswer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    @Column(name = "organization_code", nullable = false)
    public String organizationCode;

    @Column(name = "organization_name")
    public String organizationName;

    /** The officer's token subject: staff, not a citizen; shown to staff only. */
    @Column(name = "officer_id", nullable = false)
    public String officerId;

    @Column(nullable = false)
    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_ids", nullable = false)
    public UUID[] photoIds;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    /**
     * The appeal's due date when this answer was given: a reopened appeal gets a new one, and the
     * statistics judge each answer against the deadline it had (null for answers given before V9
     * that could not be told).
     */
    @Column(name = "due_at")
    public Instant dueAt;

    public static List<AppealAnswer> of(UUID appealId) {
        return list("appealId = ?1 order by id", appealId);
    }
}
