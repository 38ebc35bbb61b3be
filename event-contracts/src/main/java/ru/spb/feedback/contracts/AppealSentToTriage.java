package ru.spb.feedback.contracts;

/**
 * Routing could not place the appeal; a moderator will (topic {@code appeal.events}).
 *
 * @param reason why
 */
@EventType(name = "AppealSentToTriage", citizenVisible = true)
public record AppealSentToTriage(TriageRequired.Reason reason) implements AppealEvent {
}
