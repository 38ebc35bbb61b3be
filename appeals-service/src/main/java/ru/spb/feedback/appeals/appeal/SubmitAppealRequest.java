package ru.spb.feedback.appeals.appeal;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What a citizen sends to report a problem. */
@Schema(name = "SubmitAppeal")
public record SubmitAppealRequest(
        @NotBlank @Size(max = 32)
        @Schema(description = "Problem type code from GET /api/v1/categories", examples = "2", required = true)
        String categoryCode,

        @NotBlank @Size(min = 10, max = 4000)
        @Schema(description = "What is wrong, 10 to 4000 characters", examples = "Сломана скамейка на детской площадке во дворе", required = true)
        String description,

        @Valid
        @Schema(description = "Where the problem is. Without it an address is required and a moderator places the appeal")
        Location location,

        @Size(max = 500)
        @Schema(description = "The address as the citizen knows it", examples = "ул. Садовая, 50")
        String address,

        @Schema(description = "An official appeal under 59-ФЗ: needs the citizen's name and a reply address "
                + "(from the token or from contact); answered within 30 days", defaultValue = "false")
        Boolean official,

        @Valid
        @Schema(description = "Overrides the name and e-mail of the token")
        Contact contact,

        // left out of the idempotency fingerprint when absent or empty, as before photos existed
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Up to 5 ids from POST /api/v1/uploads, yours and not attached yet, in display order; "
                + "required (at least one) by problem types with photoRequired",
                maxItems = 5) // checked by Uploads against appeals.uploads.max-per-attachment, 5 by default
        List<@NotNull UUID> photoIds) {

    public boolean isOfficial() {
        return Boolean.TRUE.equals(official);
    }

    public boolean hasPhotos() {
        return photoIds != null && !photoIds.isEmpty();
    }

    /** A point in WGS 84. */
    @Schema(name = "Location")
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "59.9343", required = true) Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "30.3351", required = true) Double lon) {
    }

    /** How to reach the citizen with the answer. */
    @Schema(name = "Contact")
    public record Contact(
            @Email @Size(max = 320) @Schema(examples = "ivan.petrov@example.org") String email,
            @Size(max = 200) @Schema(examples = "Иван Петров") String name) {

        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }
}
