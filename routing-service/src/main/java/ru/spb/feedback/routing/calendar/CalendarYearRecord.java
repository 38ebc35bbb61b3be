package ru.spb.feedback.routing.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A production-calendar year an admin loaded (beyond the bundled years, or correcting one). */
@Entity
@Table(name = "calendar_year")
public class CalendarYearRecord extends PanacheEntityBase {

    @Id
    public Integer year;

    /** ISO dates, comma-separated: Monday–Friday days that are not worked. */
    @Column(name = "weekdays_off", nullable = false)
    public String weekdaysOff;

    /** ISO dates, comma-separated: Saturdays and Sundays that are worked. */
    @Column(name = "weekend_workdays", nullable = false)
    public String weekendWorkdays;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;

    @Column(name = "loaded_by")
    public String loadedBy;
}
