package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * The deadline passed without an answer (topic {@code appeal.events}); published once per deadline.
 *
 * @param organizationCode who should have answered, null if the appeal is waiting for routing
 * @param dueAt            the deadline that passed
 */
@EventType(name = "AppealOverdue", citizenVisible = true)
public record AppealOverdue(String organizationCode, Instant dueAt) implements AppealEvent {
}
