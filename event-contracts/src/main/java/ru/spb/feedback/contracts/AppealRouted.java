package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * The appeal reached the body that must answer it, with its deadline (topic {@code appeal.events}).
 *
 * @param municipalityCode where the problem is
 * @param municipalityName its name
 * @param district         its district
 * @param organizationCode who answers
 * @param organizationName its name
 * @param dueAt            the answer deadline
 * @param method           GEO or MANUAL
 */
@EventType(name = "AppealRouted", citizenVisible = true)
public record AppealRouted(
        String municipalityCode,
        String municipalityName,
        String district,
        String organizationCode,
        String organizationName,
        Instant dueAt,
        RoutingDecided.Method method) implements AppealEvent {
}
