package ru.spb.feedback.appeals.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.appeals.appeal.AppealAccess;
import ru.spb.feedback.appeals.appeal.AppealQueries;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.appeal.Viewer;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Roles;

import java.util.UUID;

/**
 * The citizen's lifecycle steps on their own appeal: rate the answer, withdraw. Beside the
 * appeals resource under the same path, here because they call the lifecycle, which builds on
 * the appeal package (not the other way round).
 */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Appeals", description = "A citizen's own appeals: submit, follow, rate, withdraw")
@APIResponse(responseCode = "403", description = "The token lacks the citizen role")
public class CitizenStepResource {

    @Inject
    AppealQueries queries;

    @Inject
    Caller caller;

    @Inject
    AppealLifecycle lifecycle;

    @POST
    @Path("/{id}/feedback")
    @Transactional
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the answer", description = "ANSWERED → CLOSED when satisfied; → REOPENED otherwise: back to the "
            + "same organization with a new deadline.")
    @APIResponse(responseCode = "200", description = "Rated")
    @APIResponse(responseCode = "400", description = "Rating outside 1–5, satisfied missing, comment too long")
    @APIResponse(responseCode = "404", description = "No such appeal among yours")
    @APIResponse(responseCode = "409", description = "The appeal has no answer to rate now")
    public AppealView feedback(@PathParam("id") UUID id, @NotNull @Valid StepRequests.Feedback request) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
        return queries.view(lifecycle.feedback(AppealAccess.ofAuthor(id, caller.id()), Actor.citizen(caller.id()),
                request.rating(), request.satisfied(), comment), Viewer.AUTHOR);
    }

    @POST
    @Path("/{id}/withdraw")
    @Transactional
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw the appeal", description = "Possible until it is answered → WITHDRAWN. The reason is optional: {} will do.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such appeal among yours")
    @APIResponse(responseCode = "409", description = "Answered or finished already")
    public AppealView withdraw(@PathParam("id") UUID id, @NotNull @Valid StepRequests.Withdraw request) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        return queries.view(lifecycle.withdraw(AppealAccess.ofAuthor(id, caller.id()), Actor.citizen(caller.id()), reason),
                Viewer.AUTHOR);
    }
}
