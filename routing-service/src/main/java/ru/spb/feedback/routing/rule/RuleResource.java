package ru.spb.feedback.routing.rule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Roles;

import java.util.List;

@Path("/api/v1/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Routing rules", description = "Who answers which problems where; the most specific rule wins")
@APIResponse(responseCode = "403", description = "Not allowed for this role")
public class RuleResource {

    private static final String EXAMPLE = """
            {"subjectLevel": "OBJECT", "subjectCode": "4", "territoryLevel": "DISTRICT",
             "territoryCode": "admiralteysky", "organizationCode": "district-admiralteysky",
             "note": "Parks of the district are kept by the district administration"}""";

    @Inject
    RuleAdministration rules;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MODERATOR})
    @Operation(summary = "All responsibility rules")
    @APIResponse(responseCode = "200", description = "The rules")
    public List<RuleView> list() {
        return rules.list().stream().map(RuleView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MODERATOR})
    @Operation(summary = "One rule")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "200", description = "The rule")
    public RuleView get(@PathParam("id") long id) {
        return RuleView.of(rules.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rule (admin)")
    @RequestBody(content = @Content(schema = @Schema(implementation = RuleRequest.class), examples = @ExampleObject(name = "parks", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid rule")
    @APIResponse(responseCode = "409", description = "A rule for the same subject and territory exists")
    public Response create(@NotNull @Valid RuleRequest request) {
        RoutingRule rule = rules.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(rule.id)).build()).entity(RuleView.of(rule)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rule (admin)")
    @APIResponse(responseCode = "400", description = "Invalid rule")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "409", description = "Another rule has the same subject and territory")
    @APIResponse(responseCode = "200", description = "Replaced")
    public RuleView replace(@PathParam("id") long id, @NotNull @Valid RuleRequest request) {
        return RuleView.of(rules.replace(id, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a rule (admin); decisions already made keep naming it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such rule")
    public void delete(@PathParam("id") long id) {
        rules.delete(id);
    }
}
