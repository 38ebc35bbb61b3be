package ru.spb.feedback.appeals.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealAccess;
import ru.spb.feedback.appeals.appeal.AppealQueries;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.appeal.HistoryEntryView;
import ru.spb.feedback.appeals.appeal.StatusFilter;
import ru.spb.feedback.appeals.appeal.Viewer;
import ru.spb.feedback.appeals.lifecycle.AppealLifecycle;
import ru.spb.feedback.appeals.lifecycle.StepRequests;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.Roles;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** City-wide moderation: triage, rejecting spam and duplicates, correcting problem types. Admins read. */
@Path("/api/v1/moderator/appeals")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Moderation", description = "City-wide: triage, rejections, problem-type corrections")
@APIResponse(responseCode = "403", description = "Not a moderator (reads: nor an admin)")
public class ModerationResource {

    @Inject
    Caller caller;

    @Inject
    AppealLifecycle lifecycle;

    @Inject
    AppealQueries queries;

    @GET
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Operation(summary = "Appeals city-wide", description = "Oldest first. Without a status filter: those in TRIAGE.")
    @APIResponse(responseCode = "200", description = "A page of appeals")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging")
    public PageView<AppealView> list(
            @Parameter(description = "Only these statuses (repeat or comma-separate); default TRIAGE") @QueryParam("status") List<String> status,
            @Parameter(description = "Only this municipality (OSM relation id)") @QueryParam("municipality") String municipality,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Set<AppealStatus> statuses = StatusFilter.parse(status);
        return queries.cityWide(statuses.isEmpty() ? Set.of(AppealStatus.TRIAGE) : statuses, municipality, page, size, viewer());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Operation(summary = "Any appeal", description = "Without the citizen's contact.")
    @APIResponse(responseCode = "200", description = "The appeal")
    @APIResponse(responseCode = "404", description = "No such appeal")
    public AppealView get(@PathParam("id") UUID id) {
        return view(AppealAccess.any(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Operation(summary = "Every step of any appeal")
    @APIResponse(responseCode = "200", description = "The history, oldest first")
    @APIResponse(responseCode = "404", description = "No such appeal")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.history(AppealAccess.any(id));
    }

    @POST
    @Path("/{id}/reject")
    @Transactional
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the appeal", description = "Spam, obscene or threatening language, a duplicate (name the "
            + "original) or not an appeal → REJECTED; routing drops it from triage and the citizen is told.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", description = "Unknown reason, no note, or a duplicate without a valid original")
    @APIResponse(responseCode = "404", description = "No such appeal")
    @APIResponse(responseCode = "409", description = "Not allowed in the current status")
    public AppealView reject(@PathParam("id") UUID id, @NotNull @Valid StepRequests.Reject request) {
        return view(lifecycle.reject(AppealAccess.any(id), Actor.moderator(caller.id()), request.reason(),
                request.note().trim(), request.duplicateOf()));
    }

    @POST
    @Path("/{id}/change-category")
    @Transactional
    @RolesAllowed(Roles.MODERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct the problem type", description = "→ REROUTING: routed again under the new type; the citizen is told.")
    @APIResponse(responseCode = "200", description = "Changed; the appeal is routed again")
    @APIResponse(responseCode = "400", description = "Unknown, inactive or unchanged problem type, or no reason")
    @APIResponse(responseCode = "404", description = "No such appeal")
    @APIResponse(responseCode = "409", description = "Not allowed in the current status")
    public AppealView changeCategory(@PathParam("id") UUID id, @NotNull @Valid StepRequests.ChangeCategory request) {
        return view(lifecycle.changeCategory(AppealAccess.any(id), Actor.moderator(caller.id()), request.categoryCode(),
                request.reason().trim()));
    }

    private Viewer viewer() {
        return caller.hasRole(Roles.MODERATOR) ? Viewer.MODERATOR : Viewer.ADMIN;
    }

    private AppealView view(Appeal appeal) {
        return queries.view(appeal, viewer());
    }
}
