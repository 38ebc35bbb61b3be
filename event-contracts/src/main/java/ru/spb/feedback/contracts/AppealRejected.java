package ru.spb.feedback.contracts;

import java.util.UUID;

/**
 * A moderator rejected the appeal (topic {@code appeal.events}); routing drops it from triage.
 *
 * @param reason            why
 * @param note              the moderator's words to the citizen
 * @param duplicateOfId     for {@link Reason#DUPLICATE}: the original appeal
 * @param duplicateOfNumber its tracking number
 */
@EventType(name = "AppealRejected", citizenVisible = true, finishes = true)
public record AppealRejected(Reason reason, String note, UUID duplicateOfId, String duplicateOfNumber) implements AppealEvent {

    /** The reasons a moderator may reject an appeal for. */
    public enum Reason {
        SPAM,
        /** Obscene or threatening language. */
        ABUSIVE_LANGUAGE,
        /** Another appeal reports the same problem. */
        DUPLICATE,
        NOT_AN_APPEAL
    }
}
