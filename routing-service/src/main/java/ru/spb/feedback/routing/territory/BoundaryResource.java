package ru.spb.feedback.routing.territory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.Roles;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/boundaries")
@Tag(name = "Boundaries", description = "The polygons routing locates points in; admins replace them at run time")
public class BoundaryResource {

    static final String GEO_JSON = "application/geo+json";

    @Inject
    Territory territory;

    @Inject
    Caller caller;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The boundary sets in force")
    public List<Territory.Summary> active() {
        return territory.active();
    }

    @GET
    @Path("/{kind}")
    @PermitAll
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "The boundary set in force, as GeoJSON", description = "kind: municipalities or districts")
    @APIResponse(responseCode = "404", description = "Unknown kind")
    @APIResponse(responseCode = "200", description = "The boundaries as a GeoJSON FeatureCollection")
    public String geojson(@PathParam("kind") String kind) {
        return territory.activeGeoJson(kind(kind));
    }

    @PUT
    @Path("/{kind}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({GEO_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace a boundary set (admin)",
            description = "A GeoJSON FeatureCollection of Polygon/MultiPolygon features; municipalities are named by "
                    + "properties.osm_relation_id (or code), districts by properties.code or district (name). Accepted as a "
                    + "whole or refused as a whole; the set in force stays if anything is wrong. Every copy of the service "
                    + "uses the new set within routing.refresh-interval.")
    @APIResponse(responseCode = "200", description = "Accepted; lists known areas the set draws no polygon for")
    @APIResponse(responseCode = "400", description = "Not valid JSON, not a FeatureCollection, invalid polygons or unknown areas (each listed)")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "Unknown kind")
    public Response replace(@PathParam("kind") String kind, String geojson) {
        BoundarySet.Kind setKind = kind(kind);
        if (geojson == null || geojson.isBlank()) {
            throw ProblemException.invalid("body", "must be a GeoJSON FeatureCollection");
        }
        Territory.Summary summary = territory.replace(setKind, geojson, caller.id());
        territory.reload();
        return Response.ok(summary).build();
    }

    private static BoundarySet.Kind kind(String kind) {
        return Arrays.stream(BoundarySet.Kind.values())
                .filter(value -> value.name().equalsIgnoreCase(kind))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Boundary kind " + kind + " (use municipalities or districts)"));
    }
}
