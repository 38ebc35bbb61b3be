package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * A citizen's appeal was accepted and stored. Carries everything routing and notification need,
 * so that neither calls appeals-service back. The only event with the citizen's contact data.
 *
 * @param category            the problem type with its place in the city classifier
 * @param deadlineWorkingDays the answer deadline of the problem type, in working days
 * @param official            an official appeal under 59-ФЗ (30 calendar days, needs name and reply address)
 * @param location            where the problem is
 * @param address             the address as the citizen wrote it, may be null
 * @param description         the citizen's text
 * @param registeredAt        registration time (the legal deadline counts from it)
 * @param channel             how it arrived
 * @param contact             the citizen's e-mail and name, either may be null
 * @param integratorId        for the {@code OPEN311} channel, the integrator that filed it (the subject of its
 *                            JWT client, which also owns its API keys and webhook subscriptions); null otherwise.
 *                            Added in schema version 1 as an optional field: older records decode with null.
 */
@EventType(name = "AppealRegistered", citizenVisible = true)
public record AppealRegistered(
        CategoryRef category,
        int deadlineWorkingDays,
        boolean official,
        GeoPoint location,
        String address,
        String description,
        Instant registeredAt,
        Channel channel,
        CitizenContact contact,
        String integratorId) implements AppealEvent {

    /** How an appeal reached the platform. */
    public enum Channel {
        /** The platform's own API, from the mobile and web apps. */
        API,
        /** An integrator through Open311 GeoReport v2. */
        OPEN311
    }

    /**
     * A problem type and its ancestors in the classifier (object → category → problem type), so
     * responsibility rules can match on any level.
     *
     * @param publicCategory whether appeals of this type may be shown publicly (appeals-service
     *                       {@code Category.isPublic}). Added in schema version 1 as an optional field:
     *                       older records decode with null, which readers treat as <em>not</em> public.
     */
    public record CategoryRef(String code, String name, String groupCode, String groupName,
                              String objectCode, String objectName, Boolean publicCategory) {

        /** A reference that does not say whether the type is public (treated as not public). */
        public CategoryRef(String code, String name, String groupCode, String groupName, String objectCode, String objectName) {
            this(code, name, groupCode, groupName, objectCode, objectName, null);
        }

        /** Only an explicit {@code true} makes a type public: unknown is private. */
        public boolean shownPublicly() {
            return Boolean.TRUE.equals(publicCategory);
        }
    }

    /** Contact data of the citizen; personal data, never logged. */
    public record CitizenContact(String email, String name) {
        @Override
        public String toString() {
            return "CitizenContact[redacted]";
        }
    }
}
