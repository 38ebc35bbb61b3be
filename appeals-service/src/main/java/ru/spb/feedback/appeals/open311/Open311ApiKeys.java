package ru.spb.feedback.appeals.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.appeals.integrator.Integrator;
import ru.spb.feedback.appeals.integrator.IntegratorKeys;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The integrator behind an Open311 {@code api_key}: the key is checked, then one request is spent
 * from its per-minute budget. Refusals are Open311 errors (403, 429 with the seconds to wait).
 */
@ApplicationScoped
public class Open311ApiKeys {

    @Inject
    IntegratorKeys keys;

    /** Reads may name a key (to see the integrator's own requests); a key that is sent must be valid. */
    public Optional<Integrator> optional(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(required(apiKey));
    }

    /** Creating a request needs a valid key. */
    public Integrator required(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Error.forbidden("api_key was not provided");
        }
        Integrator integrator = keys.authenticate(apiKey)
                .orElseThrow(() -> Open311Error.forbidden("Invalid api_key received -- can't proceed"));
        OptionalLong retryAfter = keys.spend(integrator);
        if (retryAfter.isPresent()) {
            throw Open311Error.tooManyRequests(retryAfter.getAsLong());
        }
        return integrator;
    }
}
