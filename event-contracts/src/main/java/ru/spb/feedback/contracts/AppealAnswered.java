package ru.spb.feedback.contracts;

import java.util.List;
import java.util.UUID;

/**
 * The organization answered (topic {@code appeal.events}); the citizen may now rate the answer.
 *
 * @param organizationCode who answered
 * @param organizationName its name
 * @param text             the answer
 * @param photoIds         uploads shown with the answer, may be empty
 */
@EventType(name = "AppealAnswered", citizenVisible = true)
public record AppealAnswered(String organizationCode, String organizationName, String text, List<UUID> photoIds)
        implements AppealEvent {
}
