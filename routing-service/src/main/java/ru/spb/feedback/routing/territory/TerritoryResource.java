package ru.spb.feedback.routing.territory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.routing.organization.Organization;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.Roles;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territory", description = "The 111 municipal formations and 18 districts of St. Petersburg")
public class TerritoryResource {

    @Inject
    Territory territory;

    @GET
    @Path("/districts")
    @PermitAll
    @Operation(summary = "The 18 districts")
    public List<TerritoryViews.DistrictView> districts() {
        return District.<District>list("order by name").stream().map(TerritoryViews.DistrictView::of).toList();
    }

    @GET
    @Path("/municipalities")
    @PermitAll
    @Operation(summary = "The municipal formations, optionally of one district (by code or name)")
    public List<TerritoryViews.MunicipalityView> municipalities(@QueryParam("district") String district) {
        Map<String, District> districts = District.<District>listAll().stream().collect(Collectors.toMap(d -> d.code, Function.identity()));
        List<Municipality> municipalities;
        if (district == null || district.isBlank()) {
            municipalities = Municipality.list("order by name");
        } else {
            District chosen = districts.values().stream()
                    .filter(d -> d.code.equals(district.trim()) || d.name.equalsIgnoreCase(district.trim()))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalid("district", "unknown district; see GET /api/v1/districts"));
            municipalities = Municipality.list("districtCode = ?1 order by name", chosen.code);
        }
        return municipalities.stream().map(m -> TerritoryViews.MunicipalityView.of(m, districts.get(m.districtCode))).toList();
    }

    @GET
    @Path("/municipalities/{code}")
    @PermitAll
    @Operation(summary = "One municipal formation")
    @APIResponse(responseCode = "404", description = "No such municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TerritoryViews.MunicipalityView municipality(@PathParam("code") String code) {
        Municipality municipality = find(code);
        return TerritoryViews.MunicipalityView.of(municipality, District.findById(municipality.districtCode));
    }

    @GET
    @Path("/municipalities/at")
    @PermitAll
    @Operation(summary = "Which municipality and district a point lies in", description = "The same lookup routing uses.")
    @APIResponse(responseCode = "400", description = "Bad coordinates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TerritoryViews.PointLocation at(
            @QueryParam("lat") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @QueryParam("lon") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
        Territory.Location location = territory.locate(lat, lon);
        return new TerritoryViews.PointLocation(
                location.municipality().map(m -> TerritoryViews.MunicipalityView.of(m, District.findById(m.districtCode))).orElse(null),
                location.district().map(TerritoryViews.DistrictView::of).orElse(null));
    }

    @PATCH
    @Path("/municipalities/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change a municipality's responsible organization or contacts (admin)")
    @APIResponse(responseCode = "400", description = "Invalid change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public TerritoryViews.MunicipalityView update(@PathParam("code") String code, @NotNull @Valid TerritoryViews.MunicipalityUpdate change) {
        Municipality municipality = find(code);
        if (change.organizationCode() != null) {
            if (Organization.findById(change.organizationCode().trim()) == null) {
                throw ProblemException.invalid("organizationCode", "must be the code of a known organization");
            }
            municipality.organizationCode = change.organizationCode().trim();
        }
        if (change.email() != null) {
            municipality.email = blankToNull(change.email());
        }
        if (change.phone() != null) {
            municipality.phone = blankToNull(change.phone());
        }
        if (change.address() != null) {
            municipality.address = blankToNull(change.address());
        }
        if (change.website() != null) {
            municipality.website = blankToNull(change.website());
        }
        return TerritoryViews.MunicipalityView.of(municipality, District.findById(municipality.districtCode));
    }

    private static Municipality find(String code) {
        Municipality municipality = Municipality.findById(code);
        if (municipality == null) {
            throw ProblemException.notFound("Municipality " + code);
        }
        return municipality;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.trim();
    }
}
