package ru.spb.feedback.appeals.integrator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.QueryParameters;
import ru.spb.feedback.web.Roles;

import java.util.List;
import java.util.UUID;

/** Admins issue and revoke integrators' Open311 API keys. */
@Path("/api/v1/admin/integrator-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Integrator keys", description = "Open311 API keys of integrators (admin)")
@APIResponse(responseCode = "403", description = "Not an admin")
public class IntegratorKeyResource {

    @Inject
    IntegratorKeys keys;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key", description = "The answer holds the key (`apiKey`) — the only time it is shown; "
            + "only its SHA-256 is stored. Give it to the integrator over a safe channel.")
    @APIResponse(responseCode = "201", description = "Issued, with the key")
    @APIResponse(responseCode = "400", description = "Missing integrator or name, bad municipality code or limit, malformed JSON")
    public Response issue(@NotNull @Valid IssueKeyRequest request) {
        IntegratorKeyView issued = keys.issue(request, caller.id());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.id().toString()).build()).entity(issued).build();
    }

    @GET
    @Operation(summary = "The keys", description = "Oldest first, without the keys themselves; revoked ones only with includeRevoked=true.")
    @APIResponse(responseCode = "200", description = "The keys")
    @APIResponse(responseCode = "400", description = "includeRevoked not true or false")
    public List<IntegratorKeyView> list(
            @Parameter(description = "Only this integrator's keys") @QueryParam("integratorId") String integratorId,
            @Parameter(description = "Also revoked keys") @QueryParam("includeRevoked") String includeRevoked) {
        return keys.list(integratorId == null || integratorId.isBlank() ? null : integratorId.trim(),
                Boolean.TRUE.equals(QueryParameters.flag("includeRevoked", includeRevoked)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One key", description = "Without the key itself.")
    @APIResponse(responseCode = "200", description = "The key's record")
    @APIResponse(responseCode = "404", description = "No such key")
    public IntegratorKeyView get(@PathParam("id") UUID id) {
        return keys.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key", description = "Refused from the next request on; the record stays, with who revoked it "
            + "and when. Revoking again changes nothing.")
    @APIResponse(responseCode = "200", description = "The revoked key's record")
    @APIResponse(responseCode = "404", description = "No such key")
    public IntegratorKeyView revoke(@PathParam("id") UUID id) {
        return keys.revoke(id, caller.id());
    }
}
