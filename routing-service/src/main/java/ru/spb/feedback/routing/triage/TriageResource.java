package ru.spb.feedback.routing.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.routing.decision.DecisionView;
import ru.spb.feedback.routing.decision.Router;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.RequestIds;
import ru.spb.feedback.web.Roles;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Triage", description = "Appeals routing could not place; moderators assign them")
@APIResponse(responseCode = "403", description = "Not a moderator or admin")
public class TriageResource {

    @Inject
    Router router;

    @Inject
    TriageQueue triage;

    @Inject
    Caller caller;

    /** An appeal waiting for a moderator, with what intake recorded. */
    @Schema(name = "TriageItem")
    public record TriageItem(UUID appealId, String appealNumber, String categoryCode, String categoryName, String description,
                             Double lat, Double lon, String address, boolean official, Instant registeredAt,
                             TriageRequired.Reason reason, String detail, List<String> hints, List<String> declinedBy,
                             Instant triagedAt) {
    }

    @Schema(name = "TriageAssignment")
    public record Assignment(
            @NotBlank @Size(max = 32) @Schema(description = "The municipality where the problem is", examples = "1123300", required = true)
            String municipalityCode,
            @Size(max = 64) @Schema(description = "Who answers; default: the municipality's responsible organization")
            String organizationCode) {
    }

    @GET
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Operation(summary = "The triage queue, oldest first")
    @APIResponse(responseCode = "400", description = "Bad paging")
    @APIResponse(responseCode = "200", description = "The queue, oldest first")
    public PageView<TriageItem> queue(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return triage.page(page, size);
    }

    @POST
    @Path("/{appealId}/assign")
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Route an appeal from the queue by hand", description = "Publishes RoutingDecided with method MANUAL.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Unknown municipality or organization")
    @APIResponse(responseCode = "404", description = "No such appeal in triage")
    @APIResponse(responseCode = "409", description = "The appeal is not in triage (any more), or was rejected, withdrawn or closed")
    public DecisionView assign(@PathParam("appealId") UUID appealId, @NotNull @Valid Assignment assignment) {
        return DecisionView.of(router.assign(appealId, assignment.municipalityCode().trim(), assignment.organizationCode(),
                caller.id(), RequestIds.current()));
    }
}
