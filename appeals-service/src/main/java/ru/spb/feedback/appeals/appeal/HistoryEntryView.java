package ru.spb.feedback.appeals.appeal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealStatus;

import java.time.Instant;

/** One status change of an appeal, as shown to the people who may see the appeal. */
@Schema(name = "HistoryEntry")
public record HistoryEntryView(
        @Schema(description = "Null for the first entry") AppealStatus from,
        AppealStatus to,
        @Schema(description = "The state-machine step; null for registration") AppealAction action,
        Instant at,
        @Schema(examples = "citizen") String actorRole,
        String note) {

    public static HistoryEntryView of(AppealStatusChange change) {
        return new HistoryEntryView(change.fromStatus, change.toStatus, change.action, change.changedAt, change.actorRole, change.note);
    }
}
