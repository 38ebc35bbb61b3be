package ru.spb.feedback.appeals.appeal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.appeals.upload.Uploads;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.TriageRequired;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An appeal as the people allowed to see it see it. */
@Schema(name = "Appeal")
public record AppealView(
        UUID id,
        @Schema(examples = "SPB-2026-000123") String number,
        AppealStatus status,
        CategoryRef category,
        String description,
        SubmitAppealRequest.Location location,
        String address,
        boolean official,
        @Schema(description = "The author's contact; only the author sees it (and the responsible officer for an official appeal)")
        SubmitAppealRequest.Contact contact,
        Instant registeredAt,
        Instant updatedAt,
        @Schema(description = "Where the problem is; known once routed") Municipality municipality,
        @Schema(description = "The body that must answer; known once routed") Organization organization,
        @Schema(description = "Answer due; known once routed") Instant dueAt,
        @Schema(description = "Why a moderator has to route it, while in TRIAGE") TriageRequired.Reason triageReason,
        @Schema(description = "The appeal's photos, in the order given") List<Photo> photos,
        @Schema(description = "How many other citizens support it") int supporters,
        @Schema(description = "Past its due date without an answer") boolean overdue,
        @Schema(description = "The deadline was extended (possible once), with the reason") Extension deadlineExtension,
        @Schema(description = "Why a moderator rejected it, while REJECTED") Rejection rejection,
        @Schema(description = "The organization's answers, oldest first; only in the view of one appeal") List<Answer> answers,
        @Schema(description = "The citizen's latest rating; only in the view of one appeal") Feedback feedback,
        @Schema(description = "The steps the viewer may take now") Set<AppealAction> actions) {

    /** The problem type, by code and name. */
    @Schema(name = "AppealCategory")
    public record CategoryRef(String code, String name) {
    }

    @Schema(name = "AppealMunicipality")
    public record Municipality(@Schema(description = "OSM relation id", examples = "1123300") String code, String name,
                               @Schema(examples = "Адмиралтейский") String district) {
    }

    @Schema(name = "AppealOrganization")
    public record Organization(@Schema(examples = "1123300") String code,
                               @Schema(examples = "Местная администрация муниципального округа Адмиралтейский округ") String name) {
    }

    /** A photo of the appeal and where to download it. */
    @Schema(name = "AppealPhoto")
    public record Photo(UUID id, @Schema(examples = "/api/v1/uploads/5f0c1c56-8f1e-4d7e-a1d5-2f3c9b7e6a10") String url) {

        static List<Photo> of(List<UUID> ids) {
            return ids.stream().map(id -> new Photo(id, "/api/v1/uploads/" + id)).toList();
        }
    }

    @Schema(name = "AppealDeadlineExtension")
    public record Extension(Instant at, String reason) {
    }

    @Schema(name = "AppealRejection")
    public record Rejection(AppealRejected.Reason reason, String note,
                            @Schema(description = "The original, for a duplicate") UUID duplicateOf) {
    }

    @Schema(name = "AppealAnswer")
    public record Answer(Organization organization, String text, List<UUID> photoIds, Instant answeredAt) {
        static Answer of(AppealAnswer answer) {
            return new Answer(new Organization(answer.organizationCode, answer.organizationName), answer.text,
                    Arrays.asList(answer.photoIds), answer.answeredAt);
        }
    }

    @Schema(name = "AppealFeedback")
    public record Feedback(int rating, boolean satisfied, String comment, Instant givenAt) {
        static Feedback of(AppealFeedback feedback) {
            return new Feedback(feedback.rating, feedback.satisfied, feedback.comment, feedback.givenAt);
        }
    }

    /** The author's view without answers and feedback, as intake answers it. */
    static AppealView of(Appeal appeal, String categoryName) {
        return of(appeal, categoryName, Viewer.AUTHOR, false);
    }

    /**
     * @param withDetails include answers and feedback (one appeal's view; lists leave them out)
     */
    public static AppealView of(Appeal appeal, String categoryName, Viewer viewer, boolean withDetails) {
        return of(appeal, categoryName, viewer, withDetails, Uploads.appealPhotosOf(appeal.id));
    }

    /** With the photo ids already at hand: lists read them for a whole page at once. */
    public static AppealView of(Appeal appeal, String categoryName, Viewer viewer, boolean withDetails, List<UUID> photoIds) {
        return new AppealView(appeal.id, appeal.number, appeal.status,
                new CategoryRef(appeal.categoryCode, categoryName), appeal.description,
                appeal.lat == null ? null : new SubmitAppealRequest.Location(appeal.lat, appeal.lon), appeal.address, appeal.official,
                !viewer.seesContactOf(appeal) || (appeal.contactEmail == null && appeal.contactName == null) ? null
                        : new SubmitAppealRequest.Contact(appeal.contactEmail, appeal.contactName),
                appeal.registeredAt, appeal.updatedAt,
                appeal.municipalityCode == null ? null
                        : new Municipality(appeal.municipalityCode, appeal.municipalityName, appeal.districtName),
                appeal.organizationCode == null ? null : new Organization(appeal.organizationCode, appeal.organizationName),
                appeal.dueAt, appeal.triageReason, Photo.of(photoIds), appeal.supporters,
                appeal.isOverdue(Instant.now()),
                appeal.deadlineExtendedAt == null ? null : new Extension(appeal.deadlineExtendedAt, appeal.deadlineExtensionReason),
                appeal.rejectionReason == null ? null : new Rejection(appeal.rejectionReason, appeal.rejectionNote, appeal.duplicateOf),
                withDetails ? AppealAnswer.of(appeal.id).stream().map(Answer::of).toList() : null,
                withDetails ? AppealFeedback.latestOf(appeal.id).map(Feedback::of).orElse(null) : null,
                actionsFor(appeal, viewer));
    }

    /** The state machine's steps for this viewer, less those the appeal has used up (one extension). */
    private static Set<AppealAction> actionsFor(Appeal appeal, Viewer viewer) {
        if (viewer.actor() == null) {
            return Set.of();
        }
        EnumSet<AppealAction> actions = AppealAction.available(appeal.status, viewer.actor());
        if (appeal.deadlineExtendedAt != null || appeal.dueAt == null) {
            actions.remove(AppealAction.EXTEND_DEADLINE);
        }
        return actions;
    }
}
