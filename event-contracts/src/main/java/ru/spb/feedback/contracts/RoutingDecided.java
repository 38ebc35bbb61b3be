package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * routing-service decided who answers an appeal (topic {@code routing.events}). appeals-service
 * turns it into {@link AppealRouted}, which is what citizens hear about.
 *
 * @param municipalityCode  where the problem is (OSM relation id); always named
 * @param municipalityName  its name
 * @param district          its district, e.g. «Адмиралтейский»
 * @param organizationCode  the body that must answer (a municipality's administration has the municipality's code)
 * @param organizationName  its name
 * @param dueAt             the answer deadline (end of the due day, Europe/Moscow)
 * @param method            how the decision was made
 * @param ruleId            the responsibility rule that chose the organization, null for the default
 * @param attempt           1 for the first routing, more after declines
 */
@EventType(name = "RoutingDecided", citizenVisible = false)
public record RoutingDecided(
        String municipalityCode,
        String municipalityName,
        String district,
        String organizationCode,
        String organizationName,
        Instant dueAt,
        Method method,
        Long ruleId,
        int attempt) implements AppealEvent {

    /** GEO: from the location and the rules; MANUAL: a moderator assigned it. */
    public enum Method {
        GEO,
        MANUAL
    }
}
