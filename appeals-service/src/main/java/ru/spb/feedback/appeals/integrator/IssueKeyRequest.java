package ru.spb.feedback.appeals.integrator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin says when issuing an integrator's API key. */
@Schema(name = "IssueIntegratorKey")
public record IssueKeyRequest(
        @NotBlank @Size(max = 200)
        @Schema(description = "The integrator: the subject (client) of its JWTs, which also owns its webhook subscriptions",
                examples = "regional-pos", required = true)
        String integratorId,

        @NotBlank @Size(max = 200)
        @Schema(description = "What the key is for", examples = "Мобильное приложение «Мой район»", required = true)
        String name,

        @Pattern(regexp = "[0-9]{1,12}", message = "must be a municipality code (OSM relation id)") @Size(max = 12)
        @Schema(description = "Limit reads of other integrators' requests to this municipality", examples = "1123300")
        String municipalityCode,

        @Min(1) @Max(100000)
        @Schema(description = "Requests per minute this key may make; default appeals.open311.requests-per-minute", examples = "120")
        Integer requestsPerMinute) {
}
