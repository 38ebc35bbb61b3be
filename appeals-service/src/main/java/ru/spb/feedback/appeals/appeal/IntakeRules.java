package ru.spb.feedback.appeals.appeal;

import java.util.Optional;

/**
 * What every intake checks of an appeal's text, whatever the channel (the API and Open311), so a request one channel
 * refuses the other refuses too. Each check answers the problem without naming the field; each channel says it in
 * its own format (a violation of {@code description}; Open311's "description …").
 */
public final class IntakeRules {

    public static final int MIN_DESCRIPTION = 10;
    public static final int MAX_DESCRIPTION = 4000;

    private IntakeRules() {
    }

    /** The description, trimmed, counted in characters (code points): 10 to 4000. */
    public static Optional<String> descriptionProblem(String description) {
        if (description == null || description.isBlank()) {
            return Optional.of("was not provided");
        }
        String text = description.trim();
        int length = text.codePointCount(0, text.length());
        if (length < MIN_DESCRIPTION) {
            return Optional.of("must have at least " + MIN_DESCRIPTION + " characters besides spaces");
        }
        if (length > MAX_DESCRIPTION) {
            return Optional.of("is longer than " + MAX_DESCRIPTION + " characters");
        }
        return Optional.empty();
    }
}
