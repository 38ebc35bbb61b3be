package ru.spb.feedback.appeals.appeal;

import ru.spb.feedback.appeals.upload.Uploads;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.TriageRequired;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An appeal as its author sees it. */
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
        @Schema(description = "The author's contact; only the author sees it") SubmitAppealRequest.Contact contact,
        Instant registeredAt,
        Instant updatedAt,
        @Schema(description = "Where the problem is; known once routed") Municipality municipality,
        @Schema(description = "The body that must answer; known once routed") Organization organization,
        @Schema(description = "Answer due; known once routed") Instant dueAt,
        @Schema(description = "Why a moderator has to route it, while in TRIAGE") TriageRequired.Reason triageReason,
        @Schema(description = "The appeal's photos, in the order given") List<Photo> photos) {

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

    static AppealView of(Appeal appeal, String categoryName) {
        return of(appeal, categoryName, Uploads.appealPhotosOf(appeal.id));
    }

    /** With the photo ids already at hand (lists read them for all appeals at once). */
    static AppealView of(Appeal appeal, String categoryName, List<UUID> photoIds) {
        return new AppealView(appeal.id, appeal.number, appeal.status,
                new CategoryRef(appeal.categoryCode, categoryName), appeal.description,
                new SubmitAppealRequest.Location(appeal.lat, appeal.lon), appeal.address, appeal.official,
                appeal.contactEmail == null && appeal.contactName == null ? null
                        : new SubmitAppealRequest.Contact(appeal.contactEmail, appeal.contactName),
                appeal.registeredAt, appeal.updatedAt,
                appeal.municipalityCode == null ? null
                        : new Municipality(appeal.municipalityCode, appeal.municipalityName, appeal.districtName),
                appeal.organizationCode == null ? null : new Organization(appeal.organizationCode, appeal.organizationName),
                appeal.dueAt, appeal.triageReason, Photo.of(photoIds));
    }
}
