package ru.spb.feedback.appeals.officer;

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
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealAccess;
import ru.spb.feedback.appeals.appeal.AppealQueries;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.appeal.HistoryEntryView;
import ru.spb.feedback.appeals.appeal.StatusFilter;
import ru.spb.feedback.appeals.appeal.Viewer;
import ru.spb.feedback.appeals.lifecycle.AppealLifecycle;
import ru.spb.feedback.appeals.lifecycle.StepRequests;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.QueryParameters;
import ru.spb.feedback.web.Roles;

import java.util.List;
import java.util.UUID;

/**
 * A municipal officer's day: one queue sorted by what is due, one call per step. Every path is
 * scoped to the organization in the officer's token; another organization's appeal is a 404.
 * A step reads the appeal and changes it in one transaction.
 */
@Path("/api/v1/officer/appeals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@SecurityRequirement(name = "jwt")
@Tag(name = "Officer", description = "A municipal officer's queue, steps and answer templates")
@APIResponse(responseCode = "403", description = "Not an officer, or the token names no organization")
public class OfficerResource {

    @Inject
    Officer officer;

    @Inject
    OfficerQueue queue;

    @Inject
    AppealLifecycle lifecycle;

    @Inject
    AppealQueries queries;

    @GET
    @Operation(summary = "My organization's queue",
            description = "Overdue first, then the soonest due. Without a status filter: ROUTED, IN_PROGRESS and REOPENED. "
                    + "counts gives every status of the organization's appeals, whatever the filter.")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging")
    public QueueView queue(
            @Parameter(description = "Only these statuses (repeat or comma-separate)") @QueryParam("status") List<String> status,
            @Parameter(description = "Only this problem type") @QueryParam("category") String category,
            @Parameter(description = "true: only overdue; false: only not overdue") @QueryParam("overdue") String overdue,
            @Parameter(description = "Only appeals due within this many days (overdue included)")
            @QueryParam("dueWithinDays") @Min(0) @Max(365) Integer dueWithinDays,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String organization = officer.organization();
        return queue.queue(organization, new OfficerQueue.Filter(StatusFilter.parse(status),
                category == null || category.isBlank() ? null : category.trim(), QueryParameters.flag("overdue", overdue), dueWithinDays), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One appeal of my organization", description = "With its answers and the citizen's latest rating.")
    @APIResponse(responseCode = "200", description = "The appeal")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    public AppealView get(@PathParam("id") UUID id) {
        return view(appeal(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every step of one appeal of my organization")
    @APIResponse(responseCode = "200", description = "The history, oldest first")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.history(appeal(id));
    }

    @POST
    @Transactional
    @Path("/{id}/accept")
    @Operation(summary = "Take the appeal into work", description = "ROUTED or REOPENED → IN_PROGRESS.")
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    @APIResponse(responseCode = "409", description = "Not allowed in the current status, or someone changed it at the same time")
    public AppealView accept(@PathParam("id") UUID id) {
        return view(lifecycle.accept(appeal(id), officer.actor()));
    }

    @POST
    @Transactional
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the appeal", description = "ROUTED, IN_PROGRESS or REOPENED → ANSWERED. "
            + "Give the text, or the id of one of the organization's answer templates.")
    @APIResponse(responseCode = "200", description = "Answered")
    @APIResponse(responseCode = "400", description = "No text and no template, or bad photos")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    @APIResponse(responseCode = "409", description = "Not allowed in the current status")
    public AppealView answer(@PathParam("id") UUID id, @NotNull @Valid StepRequests.Answer request) {
        String organization = officer.organization();
        String text = request.text() == null || request.text().isBlank() ? null : request.text().trim();
        if (text == null && request.templateId() == null) {
            throw ProblemException.invalid("text", "give the answer's text or a templateId");
        }
        if (text == null) {
            AnswerTemplate template = AnswerTemplate.findById(request.templateId());
            if (template == null || !template.organizationCode.equals(organization)) {
                throw ProblemException.invalid("templateId", "no such template in your organization");
            }
            text = template.text;
        }
        return view(lifecycle.answer(appeal(id), officer.actor(), text, request.photoIds()));
    }

    @POST
    @Transactional
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Not our competence", description = "ROUTED or IN_PROGRESS → REROUTING: routing-service looks for "
            + "another organization and the appeal leaves this queue.")
    @APIResponse(responseCode = "200", description = "Declined; the appeal is no longer this organization's")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    @APIResponse(responseCode = "409", description = "Not allowed in the current status")
    public AppealView decline(@PathParam("id") UUID id, @NotNull @Valid StepRequests.Decline request) {
        return view(lifecycle.decline(appeal(id), officer.actor(), request.reason().trim()));
    }

    @POST
    @Transactional
    @Path("/{id}/change-category")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct the problem type", description = "→ REROUTING: routed again under the new type; the citizen is told.")
    @APIResponse(responseCode = "200", description = "Changed; the appeal is routed again")
    @APIResponse(responseCode = "400", description = "Unknown, inactive or unchanged problem type, or no reason")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    @APIResponse(responseCode = "409", description = "Not allowed in the current status")
    public AppealView changeCategory(@PathParam("id") UUID id, @NotNull @Valid StepRequests.ChangeCategory request) {
        return view(lifecycle.changeCategory(appeal(id), officer.actor(), request.categoryCode(), request.reason().trim()));
    }

    @POST
    @Transactional
    @Path("/{id}/extend-deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend the deadline", description = "Once per appeal, by at most 30 days, with a reason; the citizen is told.")
    @APIResponse(responseCode = "200", description = "Extended")
    @APIResponse(responseCode = "400", description = "Days out of range or no reason")
    @APIResponse(responseCode = "404", description = "No such appeal in my organization")
    @APIResponse(responseCode = "409", description = "Extended before, or not allowed in the current status")
    public AppealView extendDeadline(@PathParam("id") UUID id, @NotNull @Valid StepRequests.ExtendDeadline request) {
        return view(lifecycle.extendDeadline(appeal(id), officer.actor(), request.days(), request.reason().trim()));
    }

    private Appeal appeal(UUID id) {
        return AppealAccess.ofOrganization(id, officer.organization());
    }

    private AppealView view(Appeal appeal) {
        return queries.view(appeal, Viewer.OFFICER);
    }
}
