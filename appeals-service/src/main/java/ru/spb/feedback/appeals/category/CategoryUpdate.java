package ru.spb.feedback.appeals.category;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's change to a problem type; absent fields stay as they are. */
@Schema(name = "CategoryUpdate")
public record CategoryUpdate(
        @Min(1) @Max(60) @Schema(description = "New answer deadline in working days", examples = "19") Integer deadlineWorkingDays,
        @Schema(description = "Offer the type to citizens or not", examples = "true") Boolean active) {
}
