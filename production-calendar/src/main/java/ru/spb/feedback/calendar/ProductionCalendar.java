package ru.spb.feedback.calendar;

import ru.spb.feedback.contracts.CityTime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * The Russian production calendar and the deadline arithmetic of appeals, in the city's time zone.
 * Immutable: loading a year gives a new calendar. For a year it does not know it assumes
 * Monday–Friday, tells the fallback listener (a metric), and never fails.
 */
public final class ProductionCalendar {

    /** 59-ФЗ, art. 12: the law, not a setting. */
    public static final int OFFICIAL_CALENDAR_DAYS = 30;

    /** St. Petersburg keeps Moscow time; deadlines count in it. */
    /** The last moment of a due day that still counts as on time. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final String BUNDLED = "calendar/ru-production-calendar-2024-2027.csv";

    private final Map<Integer, CalendarYear> years;
    private final IntConsumer fallbackListener;

    private ProductionCalendar(Map<Integer, CalendarYear> years, IntConsumer fallbackListener) {
        this.years = Collections.unmodifiableMap(years);
        this.fallbackListener = fallbackListener;
    }

    /** The bundled calendar, 2024–2027 (from xmlcalendar.ru data: holidays and transferred days). */
    public static ProductionCalendar russian() {
        return new ProductionCalendar(readBundled(), year -> { });
    }

    /** The same calendar, also knowing (or now differently knowing) {@code year}. */
    public ProductionCalendar withYear(CalendarYear year) {
        Map<Integer, CalendarYear> copy = new HashMap<>(years);
        copy.put(year.year(), year);
        return new ProductionCalendar(copy, fallbackListener);
    }

    /** The same calendar, calling {@code listener} with the year whenever it has to assume Monday–Friday. */
    public ProductionCalendar onFallback(IntConsumer listener) {
        return new ProductionCalendar(new HashMap<>(years), listener);
    }

    public SortedSet<Integer> knownYears() {
        return new TreeSet<>(years.keySet());
    }

    public java.util.Optional<CalendarYear> year(int year) {
        return java.util.Optional.ofNullable(years.get(year));
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarYear year = years.get(day.getYear());
        if (year == null) {
            fallbackListener.accept(day.getYear());
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
        return year.isWorkingDay(day);
    }

    /**
     * A deadline in working days (the city portal's rule): the count starts on the day after
     * registration, whatever day that is, and the due day is the {@code workingDays}-th working day.
     */
    public DueDate dueInWorkingDays(Instant registeredAt, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
        LocalDate day = registeredAt.atZone(CityTime.ZONE).toLocalDate();
        boolean estimated = false;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            estimated |= !years.containsKey(day.getYear());
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return due(day, estimated);
    }

    /**
     * An appeal's deadline, the one rule every service counts with: an official appeal (59-ФЗ, art. 12) is answered
     * within {@value #OFFICIAL_CALENDAR_DAYS} calendar days, any other within its problem type's working days.
     */
    public DueDate dueFor(Instant start, boolean official, int deadlineWorkingDays) {
        return official ? dueInCalendarDays(start, OFFICIAL_CALENDAR_DAYS) : dueInWorkingDays(start, deadlineWorkingDays);
    }

    /**
     * A deadline in calendar days (59-ФЗ: 30 days from registration). If the last day is not a
     * working day, the deadline moves to the next working day (Civil Code, art. 193).
     */
    public DueDate dueInCalendarDays(Instant registeredAt, int calendarDays) {
        if (calendarDays < 1) {
            throw new IllegalArgumentException("calendarDays must be at least 1");
        }
        LocalDate day = registeredAt.atZone(CityTime.ZONE).toLocalDate().plusDays(calendarDays);
        boolean estimated = !years.containsKey(day.getYear());
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
            estimated |= !years.containsKey(day.getYear());
        }
        return due(day, estimated);
    }

    private static DueDate due(LocalDate day, boolean estimated) {
        return new DueDate(day, day.atTime(END_OF_DAY).atZone(CityTime.ZONE).toInstant(), estimated);
    }

    private static Map<Integer, CalendarYear> readBundled() {
        Map<Integer, List<LocalDate>> weekdaysOff = new HashMap<>();
        Map<Integer, List<LocalDate>> weekendWorkdays = new HashMap<>();
        try (InputStream in = ProductionCalendar.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: date,iso_weekday,is_working_day,…
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split(",", -1);
                LocalDate day = LocalDate.parse(columns[0]);
                boolean weekend = Integer.parseInt(columns[1]) >= 6;
                boolean working = "1".equals(columns[2]);
                if (!weekend && !working) {
                    weekdaysOff.computeIfAbsent(day.getYear(), y -> new ArrayList<>()).add(day);
                } else if (weekend && working) {
                    weekendWorkdays.computeIfAbsent(day.getYear(), y -> new ArrayList<>()).add(day);
                }
                weekdaysOff.computeIfAbsent(day.getYear(), y -> new ArrayList<>());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
        Map<Integer, CalendarYear> years = new HashMap<>();
        weekdaysOff.forEach((year, off) ->
                years.put(year, CalendarYear.of(year, off, weekendWorkdays.getOrDefault(year, List.of()))));
        return years;
    }
}
