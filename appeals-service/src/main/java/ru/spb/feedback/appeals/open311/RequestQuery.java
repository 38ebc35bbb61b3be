package ru.spb.feedback.appeals.open311;

import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.CityTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters of {@code GET requests}: ids, or service codes, municipality codes, statuses and a
 * registration window; and the page. Without dates the window is the last {@code window} (90
 * days); it may never be longer. Paging ({@code page}, 1-based, and {@code page_size}) is the
 * extension FixMyStreet and SeeClickFix clients send; without it the first page is as long as the
 * longest allowed, as before paging existed.
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, List<String> municipalityCodes,
                           Set<AppealStatus> statuses, Instant start, Instant end, int page, int pageSize) {

    private static final int MAX_IDS = 1000;

    /** Reads the query parameters (each may be repeated and comma-separated); a 400 lists what is wrong. */
    static RequestQuery read(List<String> ids, List<String> serviceCodes, List<String> municipalityCodes,
                             List<String> statuses, String startDate, String endDate, String page, String pageSize,
                             Duration window, int maxPageSize, Instant now) {
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
        Long pageNumber = wholeNumber("page", page, Integer.MAX_VALUE, problems);
        Long size = wholeNumber("page_size", pageSize, maxPageSize, problems);
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
        return new RequestQuery(idList, List.copyOf(split(serviceCodes)), List.copyOf(split(municipalityCodes)), platformStatuses,
                start, end, pageNumber == null ? 1 : pageNumber.intValue(), size == null ? maxPageSize : size.intValue());
    }

    /** How many requests come before the page; may exceed an int, and then the page is past the end anyway. */
    long offset() {
        return (long) (page - 1) * pageSize;
    }

    /** A whole number from 1 to {@code max}, or null when absent; else a problem naming the parameter (not the value). */
    private static Long wholeNumber(String name, String value, long max, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from 1" + (max == Integer.MAX_VALUE ? "" : " to " + max));
        return null;
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
                return endOfDay ? date.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant().minusNanos(1000)
                        : date.atStartOfDay(CityTime.ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " is not an ISO 8601 time with offset, e.g. 2026-11-01T00:00:00+03:00");
            return null;
        }
    }
}
