package ru.spb.feedback.appeals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.calendar.ProductionCalendar;

import java.time.Instant;

/**
 * Due dates computed here rather than by routing: a reopened appeal gets a new one counted from
 * the citizen's rating, with the same production calendar routing uses (bundled years; a year
 * an admin loads into routing-service is not seen here — see the service README).
 */
@ApplicationScoped
public class Deadlines {

    /** 59-ФЗ: an official appeal is answered within 30 calendar days. */
    static final int OFFICIAL_CALENDAR_DAYS = 30;

    private final ProductionCalendar calendar = ProductionCalendar.russian();

    public Instant dueFrom(Instant start, boolean official, int deadlineWorkingDays) {
        return official
                ? calendar.dueInCalendarDays(start, OFFICIAL_CALENDAR_DAYS).at()
                : calendar.dueInWorkingDays(start, deadlineWorkingDays).at();
    }
}
