package ru.spb.feedback.contracts;

/**
 * A citizen no longer supports the appeal (topic {@code appeal.events}); notification-service
 * stops telling them about it.
 *
 * @param supporterId the former supporter's subject id (never contact data)
 * @param supporters  how many citizens support it now
 */
@EventType(name = "AppealSupportWithdrawn", citizenVisible = false)
public record AppealSupportWithdrawn(String supporterId, int supporters) implements AppealEvent {
}
