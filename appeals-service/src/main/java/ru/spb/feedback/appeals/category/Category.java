package ru.spb.feedback.appeals.category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A problem type citizens choose when they report ("broken bench", "uncleaned yard"), with its
 * place in the city classifier: object (yard, street…) → category → problem type.
 */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "group_name", nullable = false)
    public String groupName;

    @Column(name = "object_code", nullable = false)
    public String objectCode;

    @Column(name = "object_name", nullable = false)
    public String objectName;

    /** Hint shown to the citizen when choosing the type. */
    public String description;

    @Column(name = "photo_required", nullable = false)
    public boolean photoRequired;

    /** Whether appeals of this type may be shown publicly (Open311 reads without a key). */
    @Column(name = "public", nullable = false)
    public boolean isPublic;

    @Column(name = "deadline_working_days", nullable = false)
    public int deadlineWorkingDays;

    /** Switched-off types are not offered and not accepted for new appeals. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** "Object / Category", the path shown to citizens. */
    public String groupPath() {
        return objectName + " / " + groupName;
    }
}
