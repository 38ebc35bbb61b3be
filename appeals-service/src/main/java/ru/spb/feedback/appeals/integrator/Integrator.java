package ru.spb.feedback.appeals.integrator;

import java.util.UUID;

/**
 * The integrator an Open311 request comes from, as its API key says.
 *
 * @param keyId             the key used
 * @param id                the integrator (its JWT client's subject)
 * @param municipalityCode  the key's municipality scope, null for the whole city
 * @param requestsPerMinute the key's request budget
 */
public record Integrator(UUID keyId, String id, String municipalityCode, int requestsPerMinute) {
}
