package ru.spb.feedback.notification.alert;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.ProblemException;

/** Area alerts by e-mail, for anyone: no account, no token; double opt-in and one-click unsubscribe. */
@Path("/api/v1/area-alerts")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Area alerts", description = "E-mails about new and answered appeals near a place, with double opt-in")
public class AreaAlertResource {

    private static final String CIRCLE_EXAMPLE = """
            {"email": "ivan.petrov@example.org", "lat": 59.93, "lon": 30.31, "radiusMeters": 500,
             "events": ["NEW", "ANSWERED"]}""";
    private static final String MUNICIPALITY_EXAMPLE = """
            {"email": "ivan.petrov@example.org", "municipalityCode": "1123300", "events": ["ANSWERED"]}""";
    /** RFC 8058: the body a mail program's one-click unsubscribe POSTs. */
    private static final String ONE_CLICK = "One-Click";

    @Inject
    AreaAlerts alerts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to area alerts",
            description = "Sends a confirmation e-mail; nothing else is sent until its link is used. The answer is the same "
                    + "whether or not the address subscribes already.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscribeRequest.class),
            examples = {@ExampleObject(name = "a circle", value = CIRCLE_EXAMPLE),
                    @ExampleObject(name = "a municipality", value = MUNICIPALITY_EXAMPLE)}))
    @APIResponse(responseCode = "202", description = "Accepted: a confirmation e-mail is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscribeAnswer.class)))
    @APIResponse(responseCode = "400", description = "A bad field or malformed JSON")
    public Response subscribe(SubscribeRequest request) {
        return Response.accepted(alerts.subscribe(request)).build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a subscription", description = "With the token of the confirmation e-mail's link; again: the same answer.")
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaAlertView.class)))
    @APIResponse(responseCode = "400", description = "No token, or malformed JSON")
    @APIResponse(responseCode = "404", description = "Unknown or expired token")
    public AreaAlertView confirm(TokenRequest request) {
        return alerts.confirm(request);
    }

    @POST
    @Path("/unsubscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unsubscribe", description = "With the token of an alert e-mail's unsubscribe link; again: the same answer.")
    @APIResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnsubscribedView.class)))
    @APIResponse(responseCode = "400", description = "No token, or malformed JSON")
    @APIResponse(responseCode = "404", description = "Unknown token")
    public UnsubscribedView unsubscribe(TokenRequest request) {
        return alerts.unsubscribe(request == null ? null : request.token());
    }

    @POST
    @Path("/unsubscribe")
    // RFC 8058 allows both encodings of the one field
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "One-click unsubscribe (RFC 8058)",
            description = "What mail programs POST to the List-Unsubscribe URL: the token in the query, the body List-Unsubscribe=One-Click.")
    @APIResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnsubscribedView.class)))
    @APIResponse(responseCode = "400", description = "No token, or a body other than List-Unsubscribe=One-Click")
    @APIResponse(responseCode = "404", description = "Unknown token")
    public UnsubscribedView unsubscribeOneClick(@QueryParam("token") String token, @FormParam("List-Unsubscribe") String oneClick) {
        if (oneClick == null || !ONE_CLICK.equals(oneClick.trim())) {
            throw ProblemException.invalid("List-Unsubscribe", "must be One-Click");
        }
        return alerts.unsubscribe(token);
    }
}
