package ru.spb.feedback.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected dates below were counted by hand from the official calendars, not by this code. */
class ProductionCalendarTest {

    private final ProductionCalendar calendar = ProductionCalendar.russian();

    @Test
    void knowsTheBundledYearsAndTheirWorkingDayCounts() {
        assertThat(calendar.knownYears()).containsExactly(2024, 2025, 2026, 2027);
        // published totals for a 40-hour week: 248, 247, 247, 247
        assertThat(calendar.year(2024).orElseThrow().workingDayCount()).isEqualTo(248);
        assertThat(calendar.year(2025).orElseThrow().workingDayCount()).isEqualTo(247);
        assertThat(calendar.year(2026).orElseThrow().workingDayCount()).isEqualTo(247);
        assertThat(calendar.year(2027).orElseThrow().workingDayCount()).isEqualTo(247);
    }

    @Test
    void knowsHolidaysTransfersAndWorkedSaturdays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 8))).isFalse();   // New Year holidays
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse(); // transferred day off
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 11))).isFalse();  // Victory Day moved to Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 27))).isTrue();   // a worked Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
    }

    @Test
    void countsWorkingDaysAcrossTheNewYearHolidays() {
        // Friday 25 Dec 2026, 15:00 in St. Petersburg: 28, 29, 30 Dec, then 11–15 and 18 Jan 2027
        DueDate due = calendar.dueInWorkingDays(moscow("2026-12-25T15:00"), 9);
        assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 18));
        assertThat(due.at()).isEqualTo(Instant.parse("2027-01-18T20:59:59Z"));
        assertThat(due.estimated()).isFalse();
    }

    @Test
    void startsCountingTheDayAfterRegistrationAlsoOnAWeekend() {
        // Saturday 28 Nov 2026: Mon 30 Nov is the first working day, Wed 2 Dec the third
        assertThat(calendar.dueInWorkingDays(moscow("2026-11-28T10:00"), 3).date()).isEqualTo(LocalDate.of(2026, 12, 2));
        // registration late on Friday evening in Moscow is still Friday
        assertThat(calendar.dueInWorkingDays(Instant.parse("2026-11-27T20:30:00Z"), 1).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void givesOfficialAppealsThirtyCalendarDaysMovedOffDaysOff() {
        // 10 Dec 2026 + 30 days = Sat 9 Jan 2027, a day off: moves to Mon 11 Jan
        assertThat(calendar.dueInCalendarDays(moscow("2026-12-10T12:00"), 30).date()).isEqualTo(LocalDate.of(2027, 1, 11));
        // 2 Nov 2026 + 30 days = Wed 2 Dec 2026, a working day: stays
        assertThat(calendar.dueInCalendarDays(moscow("2026-11-02T09:00"), 30).date()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void anAppealsDeadlineIsThirtyCalendarDaysWhenOfficialElseItsWorkingDays() {
        Instant registered = moscow("2026-12-10T12:00");
        assertThat(calendar.dueFor(registered, true, 5)).isEqualTo(calendar.dueInCalendarDays(registered, 30));
        assertThat(calendar.dueFor(registered, false, 5)).isEqualTo(calendar.dueInWorkingDays(registered, 5));
        assertThat(calendar.dueFor(registered, true, 5).date()).isEqualTo(LocalDate.of(2027, 1, 11));
    }

    @Test
    void assumesMondayToFridayPastTheLastKnownYearAndSaysSo() {
        List<Integer> fallbacks = new ArrayList<>();
        ProductionCalendar observed = calendar.onFallback(fallbacks::add);

        // Thu 28 Dec 2028 is in no known year: Fri 29, Mon 1 Jan 2029 (no holidays assumed)
        DueDate due = observed.dueInWorkingDays(moscow("2028-12-28T10:00"), 2);
        assertThat(due.date()).isEqualTo(LocalDate.of(2029, 1, 1));
        assertThat(due.estimated()).isTrue();
        assertThat(fallbacks).contains(2028, 2029);
        // a count that stays in known years is not estimated
        assertThat(observed.dueInWorkingDays(moscow("2027-12-20T10:00"), 3).estimated()).isFalse();
    }

    @Test
    void loadsAFurtherYear() {
        ProductionCalendar with2028 = calendar.withYear(CalendarYear.of(2028,
                List.of(LocalDate.of(2028, 1, 3), LocalDate.of(2028, 1, 4)), List.of(LocalDate.of(2028, 1, 8))));
        assertThat(with2028.knownYears()).contains(2028);
        assertThat(with2028.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(with2028.isWorkingDay(LocalDate.of(2028, 1, 8))).isTrue();
        assertThat(with2028.dueInWorkingDays(moscow("2028-01-01T10:00"), 1).date()).isEqualTo(LocalDate.of(2028, 1, 5));
        assertThat(calendar.knownYears()).doesNotContain(2028);
    }

    @Test
    void refusesYearsThatDoNotAddUp() {
        assertThatThrownBy(() -> CalendarYear.of(2028, List.of(LocalDate.of(2028, 1, 8)), List.of()))
                .hasMessageContaining("weekend");
        assertThatThrownBy(() -> CalendarYear.of(2028, List.of(), List.of(LocalDate.of(2028, 1, 3))))
                .hasMessageContaining("not a weekend");
        assertThatThrownBy(() -> CalendarYear.of(2028, List.of(LocalDate.of(2029, 1, 3)), List.of()))
                .hasMessageContaining("not in 2028");
        assertThatThrownBy(() -> calendar.dueInWorkingDays(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant moscow(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + ":00+03:00[Europe/Moscow]").toInstant();
    }
}
