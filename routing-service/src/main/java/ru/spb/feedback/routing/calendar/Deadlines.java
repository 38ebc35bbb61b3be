package ru.spb.feedback.routing.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.calendar.CalendarYear;
import ru.spb.feedback.calendar.DueDate;
import ru.spb.feedback.calendar.ProductionCalendar;
import ru.spb.feedback.routing.config.RoutingConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Due dates of appeals, the platform's only place that counts them (ADR 0023): the bundled production
 * calendar plus the years admins loaded (kept in the database, so every copy counts the same). Past the last known year it assumes Monday–Friday and
 * counts that in {@code calendar_fallback_total}.
 */
@ApplicationScoped
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    @Inject
    RoutingConfig config;

    @Inject
    MeterRegistry meters;

    private volatile ProductionCalendar calendar;
    private volatile String loadedSignature = "";

    void start(@Observes StartupEvent startup) {
        refresh();
    }

    public ProductionCalendar calendar() {
        return calendar;
    }

    /**
     * The deadline of an appeal: 30 calendar days for an official one, else its problem type's working days,
     * counted from {@code from} (the registration, or the reopening of an appeal the citizen was not satisfied with).
     */
    public DueDate dueDate(Instant from, boolean official, int deadlineWorkingDays) {
        return calendar.dueFor(from, official, deadlineWorkingDays);
    }

    /**
     * The deadline after the problem type was corrected: still counted from registration with the
     * new type's working days (the citizen loses no time), but never earlier than the end of
     * {@code routing.category-change-min-working-days} working days after the change, so the newly
     * responsible organization is not handed an appeal that is already overdue. An official appeal
     * keeps its statutory 30 days from registration: only an extension may move that.
     *
     * @param categoryChangedAt the last change of the problem type, null if there was none
     */
    public DueDate dueDate(Instant registeredAt, boolean official, int deadlineWorkingDays, Instant categoryChangedAt) {
        DueDate due = dueDate(registeredAt, official, deadlineWorkingDays);
        if (official || categoryChangedAt == null || config.categoryChangeMinWorkingDays() < 1) {
            return due;
        }
        DueDate floor = calendar.dueInWorkingDays(categoryChangedAt, config.categoryChangeMinWorkingDays());
        return floor.at().isAfter(due.at()) ? floor : due;
    }

    /** Stores a year (replacing an earlier upload of it) and uses it at once in this copy. */
    @Transactional
    public CalendarYear load(int year, Collection<LocalDate> weekdaysOff, Collection<LocalDate> weekendWorkdays, String adminId) {
        CalendarYear checked = CalendarYear.of(year, weekdaysOff, weekendWorkdays);
        CalendarYearRecord record = CalendarYearRecord.findById(year);
        if (record == null) {
            record = new CalendarYearRecord();
            record.year = year;
        }
        record.weekdaysOff = join(checked.weekdaysOff());
        record.weekendWorkdays = join(checked.weekendWorkdays());
        record.loadedAt = Instant.now();
        record.loadedBy = adminId;
        record.persist();
        calendar = calendar.withYear(checked);
        return checked;
    }

    /** Picks up years another copy loaded. */
    @Scheduled(every = "${routing.refresh-interval:PT10S}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<CalendarYearRecord> records = QuarkusTransaction.requiringNew().call(() -> CalendarYearRecord.listAll());
        String signature = records.stream().map(r -> r.year + "@" + r.loadedAt).sorted().collect(Collectors.joining(","));
        if (calendar != null && signature.equals(loadedSignature)) {
            return;
        }
        ProductionCalendar built = ProductionCalendar.russian()
                .onFallback(year -> meters.counter("calendar.fallback", "year", String.valueOf(year)).increment());
        for (CalendarYearRecord record : records) {
            built = built.withYear(CalendarYear.of(record.year, split(record.weekdaysOff), split(record.weekendWorkdays)));
        }
        calendar = built;
        loadedSignature = signature;
        LOG.infof("production calendar: years %s", built.knownYears());
    }

    private static String join(Collection<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static List<LocalDate> split(String days) {
        return days.isBlank() ? List.of() : Arrays.stream(days.split(",")).map(LocalDate::parse).toList();
    }
}
