package ru.spb.feedback.contracts;

/**
 * The citizen was not satisfied with the answer (topic {@code appeal.events}): back to the same
 * organization. The old deadline no longer holds and the appeal has none until routing-service counts
 * the new one ({@link DeadlineDecided}, then {@link AppealDeadlineSet}). Events written before routing
 * owned deadlines also carry a {@code dueAt}; readers ignore it.
 *
 * @param organizationCode who answers again
 * @param rating           the citizen's rating of the answer, 1–5
 */
@EventType(name = "AppealReopened", citizenVisible = true, clearsDueDate = true)
public record AppealReopened(String organizationCode, int rating) implements AppealEvent {
}
