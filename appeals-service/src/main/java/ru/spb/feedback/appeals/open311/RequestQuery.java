package ru.spb.feedback.appeals.open311;

import ru.spb.feedback.contracts.AppealStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters of {@code GET requests}: ids, or service codes, statuses and a registration window.
 * Without dates the window is the last {@code window} (90 days); it may never be longer.
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, Set<AppealStatus> statuses, Instant start, Instant end) {

    private static final ZoneId CITY = ZoneId.of("Europe/Moscow");
    private static final int MAX_IDS = 1000;

    /** Reads the query parameters (each may be repeated and comma-separated); a 400 lists what is wrong. */
    static RequestQuery read(List<String> ids, List<String> serviceCodes, List<String> statuses, String startDate,
                             String endDate, Duration window, Instant now) {
        List<String> problems = new ArrayList<>();
        List<String> idList = List.copyOf(split(ids));
        if (idList.size() > MAX_IDS) {
            problems.add("service_request_id lists more than " + MAX_IDS + " ids");
        }
        Set<AppealStatus> platformStatuses = EnumSet.noneOf(AppealStatus.class);
        for (String status : split(statuses)) {
            Set<AppealStatus> matching = Open311Status.platformStatuses(status);
            if (matching == null) {
                problems.add("status must be open or closed");
            } else {
                platformStatuses.addAll(matching);
            }
        }
        Instant start = time("start_date", startDate, false, problems);
        Instant end = time("end_date", endDate, true, problems);
        if (problems.isEmpty()) {
            if (start == null && end == null) {
                end = now;
                start = now.minus(window);
            } else if (start == null) {
                start = end.minus(window);
            } else if (end == null) {
                end = start.plus(window);
            }
            if (end.isBefore(start)) {
                problems.add("end_date is before start_date");
            } else if (Duration.between(start, end).compareTo(window) > 0) {
                problems.add("start_date and end_date may be at most " + window.toDays() + " days apart");
            }
        }
        if (!problems.isEmpty()) {
            throw Open311Error.badRequest(problems);
        }
        return new RequestQuery(idList, List.copyOf(split(serviceCodes)), platformStatuses, start, end);
    }

    private static Set<String> split(List<String> values) {
        Set<String> parts = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.trim());
                    }
                }
            }
        }
        return parts;
    }

    /**
     * An ISO 8601 time with offset ({@code 2026-11-01T00:00:00+03:00}, {@code …Z}), or a date, taken
     * in the city's time zone as its start ({@code start_date}) or end ({@code end_date}).
     */
    private static Instant time(String name, String value, boolean endOfDay, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // an unencoded "+03:00" in a query string arrives as " 03:00"; ISO 8601 never has a space
        String text = value.trim().replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay(CITY).toInstant().minusNanos(1000)
                        : date.atStartOfDay(CITY).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " is not an ISO 8601 time with offset, e.g. 2026-11-01T00:00:00+03:00");
            return null;
        }
    }
}
