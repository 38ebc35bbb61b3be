package ru.spb.feedback.routing.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/routing-decisions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Routing decisions", description = "Why each appeal went where it went")
public class DecisionResource {

    @Inject
    Decisions decisions;

    @GET
    @Path("/{appealId}")
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Operation(summary = "Every routing decision of an appeal, first to last")
    @APIResponse(responseCode = "403", description = "Not a moderator or admin")
    @APIResponse(responseCode = "404", description = "Routing never saw this appeal")
    @APIResponse(responseCode = "200", description = "The decisions, oldest first")
    public List<DecisionView> decisions(@PathParam("appealId") UUID appealId) {
        return decisions.of(appealId);
    }
}
