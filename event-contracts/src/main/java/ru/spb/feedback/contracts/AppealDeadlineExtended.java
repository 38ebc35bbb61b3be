package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * The organization extended the answer deadline, once per appeal and by at most 30 days
 * (topic {@code appeal.events}).
 *
 * @param previousDueAt the deadline before
 * @param dueAt         the new deadline
 * @param reason        why, as the officer wrote it
 */
@EventType(name = "AppealDeadlineExtended", citizenVisible = true)
public record AppealDeadlineExtended(Instant previousDueAt, Instant dueAt, String reason) implements AppealEvent {
}
