package ru.spb.feedback.routing.territory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Roles;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territory", description = "The 111 municipal formations and 18 districts of St. Petersburg")
public class TerritoryResource {

    @Inject
    Municipalities municipalities;

    @GET
    @Path("/districts")
    @PermitAll
    @Operation(summary = "The 18 districts")
    public List<TerritoryViews.DistrictView> districts() {
        return municipalities.districts();
    }

    @GET
    @Path("/municipalities")
    @PermitAll
    @Operation(summary = "The municipal formations, optionally of one district (by code or name)")
    public List<TerritoryViews.MunicipalityView> municipalities(@QueryParam("district") String district) {
        return municipalities.municipalities(district);
    }

    @GET
    @Path("/municipalities/{code}")
    @PermitAll
    @Operation(summary = "One municipal formation")
    @APIResponse(responseCode = "404", description = "No such municipality")
    @APIResponse(responseCode = "200", description = "The municipality")
    public TerritoryViews.MunicipalityView municipality(@PathParam("code") String code) {
        return municipalities.municipality(code);
    }

    @GET
    @Path("/municipalities/at")
    @PermitAll
    @Operation(summary = "Which municipality and district a point lies in", description = "The same lookup routing uses.")
    @APIResponse(responseCode = "200", description = "The municipality and district, or none outside the city")
    @APIResponse(responseCode = "400", description = "Bad coordinates")
    public TerritoryViews.PointLocation at(
            @QueryParam("lat") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @QueryParam("lon") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
        return municipalities.at(lat, lon);
    }

    @PATCH
    @Path("/municipalities/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change a municipality's responsible organization or contacts (admin)")
    @APIResponse(responseCode = "400", description = "Invalid change")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such municipality")
    @APIResponse(responseCode = "200", description = "Changed")
    public TerritoryViews.MunicipalityView update(@PathParam("code") String code, @NotNull @Valid TerritoryViews.MunicipalityUpdate change) {
        return municipalities.update(code, change);
    }
}
