package ru.spb.feedback.appeals.support;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.contracts.AppealStatus;

import java.time.Instant;
import java.util.UUID;

/** An appeal as seen by a citizen who supports it (or just stopped): the same minimal fields as a nearby one. */
@Schema(name = "AppealSupport")
public record AppealSupportView(
        UUID id,
        @Schema(examples = "SPB-2026-000123") String number,
        AppealView.CategoryRef category,
        AppealStatus status,
        @Schema(description = "How many citizens support it besides its author", examples = "3") int supporters,
        @Schema(description = "Whether the caller supports it") boolean supported,
        @Schema(description = "Since when the caller supports it; null when not") Instant supportedAt) {
}
