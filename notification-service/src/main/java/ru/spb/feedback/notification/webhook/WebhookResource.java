package ru.spb.feedback.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.notification.delivery.DeliveryStatus;
import ru.spb.feedback.notification.delivery.DeliveryView;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.Roles;

import java.util.UUID;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Webhooks", description = "Signed event deliveries to integrators")
@APIResponse(responseCode = "403", description = "The token lacks the integrator or admin role")
public class WebhookResource {

    private static final String CREATE_EXAMPLE = """
            {
              "url": "https://integrator.example.org/hooks/spb",
              "eventTypes": ["AppealRegistered", "AppealRouted"],
              "municipalityCodes": ["1123300"],
              "description": "Районная диспетчерская"
            }""";

    private static final String OWN_REQUESTS_EXAMPLE = """
            {
              "url": "https://integrator.example.org/hooks/spb",
              "eventTypes": ["AppealRouted", "AppealAnswered", "AppealClosed"],
              "ownRequestsOnly": true
            }""";

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to events",
            description = "Registers a webhook. The answer contains the signing secret, which is never shown again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateWebhookRequest.class),
            examples = {@ExampleObject(name = "routed appeals of one municipality", value = CREATE_EXAMPLE),
                    @ExampleObject(name = "the progress of your own Open311 requests", value = OWN_REQUESTS_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Registered; the body holds the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a URL that is not HTTPS or points to an internal address, "
            + "unknown event types, a field of the wrong type (ownRequestsOnly not a boolean)")
    public Response create(@NotNull @Valid CreateWebhookRequest request) {
        WebhookView created = subscriptions.create(requester(), request);
        return Response.created(uriInfo.getBaseUriBuilder().path(WebhookResource.class).path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(summary = "My webhooks", description = "An admin sees everybody's.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions (without secrets)")
    @APIResponse(responseCode = "400", description = "Bad paging")
    public PageView<WebhookView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return subscriptions.list(requester(), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(summary = "One of my webhooks")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret)")
    @APIResponse(responseCode = "404", description = "No such webhook among yours")
    public WebhookView get(@PathParam("id") UUID id) {
        return subscriptions.get(requester(), id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(summary = "Unsubscribe", description = "Deliveries still waiting are cancelled.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook among yours")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(requester(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(summary = "Deliveries of one of my webhooks", description = "Newest first, each with every attempt.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging")
    @APIResponse(responseCode = "404", description = "No such webhook among yours")
    public PageView<DeliveryView> deliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this state", schema = @Schema(implementation = DeliveryStatus.class))
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return subscriptions.deliveries(requester(), id, DeliveryStatus.parse(status), page, size);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(summary = "Send a delivery again",
            description = "Schedules a new round of attempts (same Webhook-Id) for a delivery that is not waiting already.")
    @APIResponse(responseCode = "202", description = "Scheduled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook or delivery among yours")
    @APIResponse(responseCode = "409", description = "The delivery is still waiting for an attempt")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(subscriptions.redeliver(requester(), id, deliveryId)).build();
    }

    private WebhookSubscriptions.Requester requester() {
        return new WebhookSubscriptions.Requester(caller.id(), caller.hasRole(Roles.ADMIN));
    }
}
