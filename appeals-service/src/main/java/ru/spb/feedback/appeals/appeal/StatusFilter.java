package ru.spb.feedback.appeals.appeal;

import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.web.ProblemException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code status} query parameters. Parsed here rather than by JAX-RS, which would answer
 * an unknown value with 404 instead of naming the parameter.
 */
public final class StatusFilter {

    private StatusFilter() {
    }

    /** One status, or null when the parameter is absent. */
    public static AppealStatus parseOne(String value) {
        Set<AppealStatus> statuses = parse(value == null ? null : List.of(value));
        if (statuses.size() > 1) {
            throw ProblemException.invalid("status", "give one status");
        }
        return statuses.isEmpty() ? null : statuses.iterator().next();
    }

    /** Statuses from repeated and comma-separated values; empty when none are given. */
    public static Set<AppealStatus> parse(List<String> values) {
        Set<AppealStatus> statuses = EnumSet.noneOf(AppealStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    statuses.add(of(part.trim()));
                }
            }
        }
        return statuses;
    }

    private static AppealStatus of(String name) {
        try {
            return AppealStatus.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(AppealStatus.values()));
        }
    }
}
