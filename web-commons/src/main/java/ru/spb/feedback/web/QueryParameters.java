package ru.spb.feedback.web;

import java.util.Locale;

/**
 * Query and path parameters parsed by hand, as strings: JAX-RS would answer a bad boolean or number
 * with a bare 404 instead of a 400 problem naming the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** {@code true} or {@code false} (any case), or null when absent; anything else is a 400 naming {@code name}. */
    public static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** A whole number in {@code [min, max]}, or null when absent; anything else is a 400 naming {@code name}. */
    public static Long wholeNumber(String name, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number between " + min + " and " + max);
    }
}
