package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * The author of the appeal deleted their account (topic {@code appeal.events}, one event per
 * appeal of theirs, so it comes after everything earlier about that appeal). The appeal stays, but
 * nothing may tie it to the person any more: every service forgets the author's contact, the texts
 * written to them and their id for this appeal. The envelope's {@code citizenId} is the author's
 * id as it was, so a service can find what it holds; later events of the appeal carry another.
 *
 * @param erasedAt when the account was deleted
 */
@EventType(name = "AppealAuthorErased", citizenVisible = false)
public record AppealAuthorErased(Instant erasedAt) implements AppealEvent {
}
