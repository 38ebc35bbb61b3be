package ru.spb.feedback.appeals.integrator;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An API key as admins see it; the key itself only in the answer to issuing it. */
@Schema(name = "IntegratorKey")
public record IntegratorKeyView(
        UUID id,
        String integratorId,
        String name,
        String municipalityCode,
        @Schema(description = "Requests per minute; null for the configured default") Integer requestsPerMinute,
        @Schema(description = "The key's first characters, to tell keys apart", examples = "spb311_Xk2p9") String keyPrefix,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The key: only in the answer to issuing it, never again") String apiKey) {

    static IntegratorKeyView of(IntegratorKey key, String apiKey) {
        return new IntegratorKeyView(key.id, key.integratorId, key.name, key.municipalityCode, key.requestsPerMinute,
                key.keyPrefix, key.createdAt, key.createdBy, key.revokedAt, key.revokedBy, key.lastUsedAt, apiKey);
    }

    @Override
    public String toString() {
        return "IntegratorKeyView[" + id + "]";
    }
}
