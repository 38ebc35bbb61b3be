package ru.spb.feedback.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days of one year are working days. Built from the exceptions to the Monday–Friday week:
 * weekdays off (holidays, transferred days off) and weekend days that are worked.
 */
public final class CalendarYear {

    private final int year;
    private final BitSet working;

    private CalendarYear(int year, BitSet working) {
        this.year = year;
        this.working = working;
    }

    /**
     * @param weekdaysOff     Monday–Friday dates that are not worked (must lie in {@code year})
     * @param weekendWorkdays Saturday/Sunday dates that are worked (must lie in {@code year})
     * @throws IllegalArgumentException if a date is outside the year or on the wrong kind of day
     */
    public static CalendarYear of(int year, Collection<LocalDate> weekdaysOff, Collection<LocalDate> weekendWorkdays) {
        BitSet working = new BitSet(367);
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            working.set(day.getDayOfYear(), !isWeekend(day));
        }
        for (LocalDate day : weekdaysOff) {
            check(year, day);
            if (isWeekend(day)) {
                throw new IllegalArgumentException(day + " is a weekend day, not a weekday off");
            }
            working.clear(day.getDayOfYear());
        }
        for (LocalDate day : weekendWorkdays) {
            check(year, day);
            if (!isWeekend(day)) {
                throw new IllegalArgumentException(day + " is not a weekend day");
            }
            working.set(day.getDayOfYear());
        }
        return new CalendarYear(year, working);
    }

    public int year() {
        return year;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        return working.get(day.getDayOfYear());
    }

    public int workingDayCount() {
        return working.cardinality();
    }

    /** The weekdays that are not worked, in order. */
    public Set<LocalDate> weekdaysOff() {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (!isWeekend(day) && !working.get(day.getDayOfYear())) {
                days.add(day);
            }
        }
        return days;
    }

    /** The weekend days that are worked, in order. */
    public Set<LocalDate> weekendWorkdays() {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (isWeekend(day) && working.get(day.getDayOfYear())) {
                days.add(day);
            }
        }
        return days;
    }

    private static void check(int year, LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
