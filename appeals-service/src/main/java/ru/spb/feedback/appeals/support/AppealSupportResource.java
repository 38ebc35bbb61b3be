package ru.spb.feedback.appeals.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Roles;

import java.util.UUID;

/** A citizen supports another citizen's appeal (and is told of its progress), or stops. */
@Path("/api/v1/appeals/{id}/support")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Support")
@APIResponse(responseCode = "403", description = "The token lacks the citizen role")
@APIResponse(responseCode = "404", description = "No such appeal")
public class AppealSupportResource {

    @Inject
    AppealSupport support;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Support an appeal",
            description = "Instead of filing the same problem again. Repeating it changes nothing and answers the same.")
    @APIResponse(responseCode = "200", description = "The appeal, supported by the caller")
    @APIResponse(responseCode = "409", description = "The caller's own appeal (own-appeal), or a finished one (appeal-finished)")
    public AppealSupportView support(@PathParam("id") UUID id) {
        return support.support(caller.id(), id);
    }

    @DELETE
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Withdraw support", description = "Without support nothing changes; answers the same either way.")
    @APIResponse(responseCode = "200", description = "The appeal, not supported by the caller")
    public AppealSupportView withdraw(@PathParam("id") UUID id) {
        return support.withdraw(caller.id(), id);
    }
}
