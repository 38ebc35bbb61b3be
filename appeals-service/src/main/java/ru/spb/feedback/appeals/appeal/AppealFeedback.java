package ru.spb.feedback.appeals.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A citizen's rating of an answer. */
@Entity
@Table(name = "appeal_feedback")
public class AppealFeedback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    /** 1 to 5. */
    @Column(nullable = false)
    public short rating;

    @Column(nullable = false)
    public boolean satisfied;

    /** The citizen's words; may be null. */
    public String comment;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    public static Optional<AppealFeedback> latestOf(UUID appealId) {
        return find("appealId = ?1 order by id desc", appealId).firstResultOptional();
    }
}
