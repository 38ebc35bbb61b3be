package ru.spb.feedback.appeals.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.appeals.config.AppealsConfig;

/** The one jurisdiction this server serves; a request may name it, or none. */
@ApplicationScoped
public class Open311Jurisdiction {

    @Inject
    AppealsConfig config;

    /** A 404 in the spec's form when the request names another jurisdiction. */
    public void check(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.trim().equals(config.open311().jurisdictionId())) {
            throw Open311Error.notFound("jurisdiction_id not found: this server serves " + config.open311().jurisdictionId());
        }
    }
}
