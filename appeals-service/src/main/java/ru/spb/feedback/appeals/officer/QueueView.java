package ru.spb.feedback.appeals.officer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.contracts.AppealStatus;

import java.util.List;
import java.util.Map;

/** One page of an organization's queue, with how many of its appeals are in each status. */
@Schema(name = "OfficerQueue")
public record QueueView(List<AppealView> items, int page, int size, long totalItems, int totalPages,
                        @Schema(description = "All the organization's appeals by status, whatever the filter")
                        Map<AppealStatus, Long> counts) {
}
