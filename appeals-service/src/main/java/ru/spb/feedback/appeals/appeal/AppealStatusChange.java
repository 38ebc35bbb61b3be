package ru.spb.feedback.appeals.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of an appeal's audit history: a status change, when, and in which role by whom. */
@Entity
@Table(name = "appeal_status_change")
public class AppealStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AppealStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public AppealStatus toStatus;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The state-machine step; null for registration. */
    @Enumerated(EnumType.STRING)
    public AppealAction action;

    /** citizen, officer, moderator, admin, integrator, or system for automatic steps. */
    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "actor_id")
    public String actorId;

    public String note;

    static AppealStatusChange record(Appeal appeal, AppealStatus from, AppealAction action, String actorRole, String actorId,
                                     String note) {
        AppealStatusChange change = new AppealStatusChange();
        change.action = action;
        change.appealId = appeal.id;
        change.fromStatus = from;
        change.toStatus = appeal.status;
        change.changedAt = appeal.updatedAt;
        change.actorRole = actorRole;
        change.actorId = actorId;
        change.note = note;
        change.persist();
        return change;
    }

    /** When the appeal last took this step, null if it never did. */
    static Instant lastAt(UUID appealId, AppealAction action) {
        return find("appealId = ?1 and action = ?2 order by id desc", appealId, action).<AppealStatusChange>firstResultOptional()
                .map(change -> change.changedAt).orElse(null);
    }

    public static List<AppealStatusChange> of(UUID appealId) {
        return list("appealId = ?1 order by id", appealId);
    }
}
