package ru.spb.feedback.appeals.support;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Problem;

import java.util.List;

/**
 * Nearby duplicates. Its own root path: JAX-RS prefers this literal path to the {@code {id}} of
 * {@code AppealResource}, so {@code /api/v1/appeals/nearby} never reaches the appeal lookup.
 */
@Path("/api/v1/appeals/nearby")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Support", description = "Nearby duplicates and supporting another citizen's appeal")
public class NearbyAppealsResource {

    @Inject
    NearbyAppeals nearby;

    @GET
    @Authenticated
    @Operation(summary = "Open appeals of the same problem type nearby",
            description = "Before submitting, a client offers \"this is already reported\": open appeals of the problem type "
                    + "within the radius, nearest first, with number, status, distance and supporters only. "
                    + "Appeals of problem types that are not public are never listed.")
    @APIResponse(responseCode = "200", description = "Nearest first; empty when there are none")
    @APIResponse(responseCode = "400", description = "Missing or malformed lat/lon, a point outside St. Petersburg, "
            + "an unknown problem type, a radius out of range")
    public List<NearbyAppealView> nearby(
            @Parameter(description = "Latitude, WGS 84", required = true, example = "59.93105375") @QueryParam("lat") String lat,
            @Parameter(description = "Longitude, WGS 84", required = true, example = "30.29679808") @QueryParam("lon") String lon,
            @Parameter(description = "Problem type code from GET /api/v1/categories", required = true, example = "56")
            @QueryParam("categoryCode") String categoryCode,
            @Parameter(description = "Metres, 1 to appeals.nearby.max-radius (default appeals.nearby.default-radius)", example = "250")
            @QueryParam("radius") String radius) {
        return nearby.search(lat, lon, categoryCode, radius);
    }
}
