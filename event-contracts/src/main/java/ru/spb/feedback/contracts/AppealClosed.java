package ru.spb.feedback.contracts;

/**
 * The appeal is finished (topic {@code appeal.events}).
 *
 * @param resolution how it ended
 * @param rating     the citizen's rating, null when the answer was not rated
 */
@EventType(name = "AppealClosed", citizenVisible = true, finishes = true)
public record AppealClosed(Resolution resolution, Integer rating) implements AppealEvent {

    public enum Resolution {
        /** The citizen said the answer solved the problem. */
        SATISFIED,
        /** Nobody rated the answer within the configured days. */
        NOT_RATED
    }
}
