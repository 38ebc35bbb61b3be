package ru.spb.feedback.contracts;

/**
 * The responsible organization took the appeal into work (topic {@code appeal.events}).
 *
 * @param organizationCode who works on it
 * @param organizationName its name
 */
@EventType(name = "AppealAccepted", citizenVisible = true)
public record AppealAccepted(String organizationCode, String organizationName) implements AppealEvent {
}
