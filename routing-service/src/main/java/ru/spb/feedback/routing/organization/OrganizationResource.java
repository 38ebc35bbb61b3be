package ru.spb.feedback.routing.organization;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Roles;

import java.util.List;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "The bodies that answer appeals")
public class OrganizationResource {

    @Inject
    Organizations organizations;

    @Context
    UriInfo uriInfo;

    @Schema(name = "Organization")
    public record OrganizationView(@Schema(examples = "1123300") String code, String name, Organization.Kind kind,
                                   String districtCode, String municipalityCode, String email, String phone, String address) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.code, organization.name, organization.kind, organization.districtCode,
                    organization.municipalityCode, organization.email, organization.phone, organization.address);
        }
    }

    /** A city body an admin adds (committees, city services). */
    @Schema(name = "NewOrganization")
    public record NewOrganization(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case latin letters, digits and dashes")
            @Schema(examples = "komblago") String code,
            @NotBlank @Size(max = 300) @Schema(examples = "Комитет по благоустройству Санкт-Петербурга") String name,
            @Email @Size(max = 320) String email,
            @Size(max = 50) String phone,
            @Size(max = 500) String address) {
    }

    /** Absent fields stay as they are. */
    @Schema(name = "OrganizationUpdate")
    public record OrganizationUpdate(@Size(min = 1, max = 300) String name, @Email @Size(max = 320) String email,
                                     @Size(max = 50) String phone, @Size(max = 500) String address) {
    }

    @GET
    @PermitAll
    @Operation(summary = "All organizations, optionally of one kind (MUNICIPALITY, DISTRICT, CITY)")
    @APIResponse(responseCode = "400", description = "Unknown kind")
    @APIResponse(responseCode = "200", description = "The organizations")
    public List<OrganizationView> list(@QueryParam("kind") String kind) {
        return organizations.list(kind);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One organization")
    @APIResponse(responseCode = "404", description = "No such organization")
    @APIResponse(responseCode = "200", description = "The organization")
    public OrganizationView get(@PathParam("code") String code) {
        return organizations.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Add a city body (admin)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull @Valid NewOrganization request) {
        OrganizationView created = organizations.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change an organization's name or contacts (admin)")
    @APIResponse(responseCode = "400", description = "Invalid")
    @APIResponse(responseCode = "404", description = "No such organization")
    @APIResponse(responseCode = "200", description = "Changed")
    public OrganizationView update(@PathParam("code") String code, @NotNull @Valid OrganizationUpdate change) {
        return organizations.update(code, change);
    }
}
