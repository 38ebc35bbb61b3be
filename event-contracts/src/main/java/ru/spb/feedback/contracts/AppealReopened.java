package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * The citizen was not satisfied with the answer (topic {@code appeal.events}): back to the same
 * organization with a new deadline.
 *
 * @param organizationCode who answers again
 * @param rating           the citizen's rating of the answer, 1–5
 * @param dueAt            the new deadline
 */
@EventType(name = "AppealReopened", citizenVisible = true)
public record AppealReopened(String organizationCode, int rating, Instant dueAt) implements AppealEvent {
}
