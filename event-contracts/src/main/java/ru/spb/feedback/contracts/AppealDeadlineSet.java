package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * The appeal has a new answer deadline, counted by routing-service (topic {@code appeal.events}),
 * e.g. after the citizen reopened it. An extension by the organization is {@link AppealDeadlineExtended}.
 *
 * @param dueAt  the answer deadline
 * @param reason why it was counted anew
 */
@EventType(name = "AppealDeadlineSet", citizenVisible = true)
public record AppealDeadlineSet(Instant dueAt, DeadlineDecided.Reason reason) implements AppealEvent {
}
