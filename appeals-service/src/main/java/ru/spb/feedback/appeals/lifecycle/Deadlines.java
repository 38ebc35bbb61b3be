package ru.spb.feedback.appeals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.calendar.ProductionCalendar;

import java.time.Instant;

/**
 * Due dates computed here rather than by routing: a reopened appeal gets a new one counted from
 * the citizen's rating, by the one deadline rule ({@link ProductionCalendar#dueFor}) routing counts with too.
 * Only the bundled years are known here: a year an admin loads into routing-service is not seen (see the
 * service README; issue 17 keeps giving deadlines a single owner open).
 */
@ApplicationScoped
public class Deadlines {

    private final ProductionCalendar calendar = ProductionCalendar.russian();

    public Instant dueFrom(Instant start, boolean official, int deadlineWorkingDays) {
        return calendar.dueFor(start, official, deadlineWorkingDays).at();
    }
}
