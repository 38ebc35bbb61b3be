package ru.spb.feedback.appeals.lifecycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.contracts.AppealRejected;

import java.util.List;
import java.util.UUID;

/** The bodies of the lifecycle steps. */
public final class StepRequests {

    private StepRequests() {
    }

    @Schema(name = "AnswerRequest", description = "The answer's text, or a template of the organization to answer with")
    public record Answer(
            @Size(max = 4000) String text,
            @Schema(description = "An answer template id; its text is used when no text is given") Long templateId,
            @Schema(description = "Up to 5 upload ids (POST /api/v1/uploads)") @Size(max = 5) List<@NotNull UUID> photoIds) {
    }

    @Schema(name = "DeclineRequest")
    public record Decline(@Schema(description = "Why it is not this organization's competence") @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "ChangeCategoryRequest")
    public record ChangeCategory(@NotBlank @Size(max = 32) String categoryCode, @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "ExtendDeadlineRequest")
    public record ExtendDeadline(@Schema(description = "Calendar days, at most 30") @NotNull Integer days,
                                 @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "RejectRequest")
    public record Reject(@NotNull AppealRejected.Reason reason,
                         @Schema(description = "Shown to the citizen") @NotBlank @Size(max = 1000) String note,
                         @Schema(description = "For DUPLICATE: the id of the original appeal") UUID duplicateOf) {
    }

    @Schema(name = "FeedbackRequest")
    public record Feedback(@NotNull @Min(1) @Max(5) Integer rating,
                           @Schema(description = "true closes the appeal; false sends it back to the organization") @NotNull Boolean satisfied,
                           @Size(max = 2000) String comment) {
    }

    @Schema(name = "WithdrawRequest")
    public record Withdraw(@Size(max = 1000) String reason) {
    }
}
