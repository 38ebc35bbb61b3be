package ru.spb.feedback.appeals.statistics;

import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a statistics request asks for: the registration dates (city time, both ends included) and
 * optionally one municipality and one problem type. A code nobody uses is not an error: it simply
 * matches no appeals.
 *
 * @param from         first day, in Europe/Moscow
 * @param to           last day, in Europe/Moscow
 * @param municipality a municipality code (OSM id), or null for all
 * @param category     a problem type code, or null for all
 */
public record StatisticsQuery(LocalDate from, LocalDate to, String municipality, String category) {

    /** The city's time: "registered on 1 December" means on that day in St. Petersburg. */

    /**
     * Reads the parameters; without {@code to} it is today, without {@code from} the
     * {@code default-days} up to {@code to}. A 400 problem lists every bad parameter.
     */
    static StatisticsQuery read(String from, String to, String municipality, String category, LocalDate today,
                                AppealsConfig.Statistics config) {
        List<Problem.Violation> problems = new ArrayList<>();
        LocalDate last = date("to", to, problems);
        LocalDate first = date("from", from, problems);
        if (problems.isEmpty()) {
            if (last == null) {
                last = today;
            }
            if (first == null) {
                first = last.minusDays(config.defaultDays() - 1L);
            }
            if (first.isAfter(last)) {
                problems.add(new Problem.Violation("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > config.maxDays()) {
                problems.add(new Problem.Violation("to", "the range may cover at most " + config.maxDays() + " days"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new StatisticsQuery(first, last, code(municipality), code(category));
    }

    /** The first instant of {@code from} in the city. */
    Instant start() {
        return from.atStartOfDay(CityTime.ZONE).toInstant();
    }

    /** The first instant after {@code to} in the city (exclusive end). */
    Instant end() {
        return to.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant();
    }

    private static LocalDate date(String name, String value, List<Problem.Violation> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem.Violation(name, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
