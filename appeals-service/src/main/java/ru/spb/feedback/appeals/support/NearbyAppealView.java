package ru.spb.feedback.appeals.support;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.contracts.AppealStatus;

import java.util.UUID;

/**
 * An open appeal near a point, as any signed-in user may see it: enough to say "this is already
 * reported" and to support it, nothing of its text, address, photos or author.
 */
@Schema(name = "NearbyAppeal")
public record NearbyAppealView(
        UUID id,
        @Schema(examples = "SPB-2026-000123") String number,
        AppealView.CategoryRef category,
        AppealStatus status,
        @Schema(description = "Great-circle distance from the asked point, whole metres", examples = "96") int distanceMeters,
        @Schema(description = "How many citizens support it besides its author", examples = "3") int supporters) {
}
