package ru.spb.feedback.notification.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What notifications need to say about an appeal, collected from its events: an event names the
 * municipality once, later notifications still mention it.
 */
@Entity
@Table(name = "tracked_appeal")
public class TrackedAppeal extends PanacheEntityBase {

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    public String number;

    @Column(name = "citizen_id", nullable = false)
    public String citizenId;

    @Column(name = "category_name")
    public String categoryName;

    public String address;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "municipality_name")
    public String municipalityName;

    @Column(name = "organization_name")
    public String organizationName;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
