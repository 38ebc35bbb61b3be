package ru.spb.feedback.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.Roles;

import java.util.UUID;

/**
 * Operators look at e-mails and webhook calls that were given up and send them again, one or all
 * of a channel, once the cause (an SMTP outage longer than the retry window, a receiver down for
 * days) is gone. The views carry no contact data, texts or payloads.
 */
@Path("/api/v1/admin/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Delivery administration", description = "Failed e-mails and webhook calls, and their re-drive")
@APIResponse(responseCode = "403", description = "The token lacks the admin role")
public class DeliveryAdminResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Operation(summary = "Deliveries", description = "Newest first, each with every attempt; without addresses, texts or payloads.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Unknown status or channel, or bad paging")
    public PageView<DeliveryView> list(
            @Parameter(description = "Only deliveries in this state", schema = @Schema(implementation = DeliveryStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "EMAIL or WEBHOOK") @QueryParam("channel") String channel,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return deliveries.list(DeliveryStatus.parse(status), Channel.parseOutbound(channel), page, size);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Send a failed delivery again", description = "FAILED becomes PENDING with another round of attempts, due now.")
    @APIResponse(responseCode = "202", description = "Scheduled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "The delivery is not FAILED")
    public Response retry(@PathParam("id") String id) {
        return Response.accepted(deliveries.retryFailed(parseId(id))).build();
    }

    @POST
    @Path("/retry")
    @Operation(summary = "Send every failed delivery again", description = "Of one channel, or of both without one.")
    @APIResponse(responseCode = "202", description = "Scheduled; how many",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetriedView.class)))
    @APIResponse(responseCode = "400", description = "Unknown channel")
    public Response retryAll(@Parameter(description = "EMAIL or WEBHOOK") @QueryParam("channel") String channel) {
        return Response.accepted(new RetriedView(deliveries.retryAllFailed(Channel.parseOutbound(channel)))).build();
    }

    /** Parsed here rather than by JAX-RS, which would answer a malformed id with 404. */
    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
    }

    /** How many failed deliveries a bulk retry scheduled. */
    @Schema(name = "Retried")
    public record RetriedView(int retried) {
    }
}
