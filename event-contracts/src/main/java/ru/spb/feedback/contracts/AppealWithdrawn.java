package ru.spb.feedback.contracts;

/**
 * The citizen withdrew the appeal before it was answered (topic {@code appeal.events}); routing
 * drops it from triage.
 *
 * @param previousStatus where it was when withdrawn
 */
@EventType(name = "AppealWithdrawn", citizenVisible = true, finishes = true)
public record AppealWithdrawn(AppealStatus previousStatus) implements AppealEvent {
}
