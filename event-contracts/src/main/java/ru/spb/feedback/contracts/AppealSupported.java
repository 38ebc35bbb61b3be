package ru.spb.feedback.contracts;

/**
 * Another citizen supports the appeal instead of filing the same problem again
 * (topic {@code appeal.events}); notification-service tells supporters about its progress too.
 *
 * @param supporterId the supporter's subject id (never contact data)
 * @param supporters  how many citizens support it now
 */
@EventType(name = "AppealSupported", citizenVisible = false)
public record AppealSupported(String supporterId, int supporters) implements AppealEvent {
}
