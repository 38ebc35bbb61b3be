package ru.spb.feedback.appeals.appeal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Appeals", description = "A citizen's own appeals: submit, follow, rate, withdraw")
@APIResponse(responseCode = "403", description = "The token lacks the citizen role")
public class AppealResource {

    private static final String SUBMIT_EXAMPLE = """
            {
              "categoryCode": "2",
              "description": "Сломана скамейка на детской площадке во дворе",
              "location": {"lat": 59.9343, "lon": 30.3351},
              "address": "ул. Садовая, 50",
              "official": false
            }""";

    private static final String APPEAL_EXAMPLE = """
            {
              "id": "0b5e3c1e-7a0e-4c8e-9b43-7f1f1f6d2a10",
              "number": "SPB-2026-000123",
              "status": "REGISTERED",
              "category": {"code": "2", "name": "Неисправное детское или спортивное оборудование"},
              "description": "Сломана скамейка на детской площадке во дворе",
              "location": {"lat": 59.9343, "lon": 30.3351},
              "address": "ул. Садовая, 50",
              "official": false,
              "registeredAt": "2026-11-27T09:30:00.123456Z",
              "updatedAt": "2026-11-27T09:30:00.123456Z"
            }""";

    private static final String VALIDATION_EXAMPLE = """
            {
              "type": "urn:spb-feedback:problem:validation",
              "title": "Request validation failed",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/api/v1/appeals",
              "requestId": "3f0c7a52-2a43-4d0e-9f55-0c8f3f4b8a11",
              "violations": [
                {"field": "description", "message": "size must be between 10 and 4000"},
                {"field": "location", "message": "is outside St. Petersburg"}
              ]
            }""";

    @Inject
    AppealIntake intake;

    @Inject
    AppealQueries queries;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an appeal",
            description = "Registers the appeal and answers at once; routing to the municipality follows asynchronously. "
                    + "Send an Idempotency-Key to retry safely: the same key and body return the same appeal.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmitAppealRequest.class),
            examples = @ExampleObject(name = "yard", value = SUBMIT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered (or, with a repeated Idempotency-Key, the earlier result)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class),
                    examples = @ExampleObject(name = "registered", value = APPEAL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid appeal: malformed JSON or per-field violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different body")
    public Response submit(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = "Client-chosen key, 1–255 visible ASCII characters")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull @Valid SubmitAppealRequest request) {
        AppealIntake.Registration registration = intake.submit(
                new AppealIntake.Author(caller.id(), caller.email().orElse(null), caller.name().orElse(null)),
                request, idempotencyKey);
        AppealView appeal = registration.appeal();
        Response.ResponseBuilder response = Response.created(uriInfo.getBaseUriBuilder().path(AppealResource.class)
                .path(appeal.id().toString()).build()).entity(appeal);
        if (registration.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My appeals", description = "Newest first, optionally only those in one status.")
    @APIResponse(responseCode = "200", description = "A page of appeals")
    @APIResponse(responseCode = "400", description = "Unknown status or bad paging")
    public PageView<AppealView> list(
            @Parameter(description = "Only appeals in this status", schema = @Schema(implementation = AppealStatus.class))
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.ownAppeals(caller.id(), StatusFilter.parseOne(status), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "One of my appeals")
    @APIResponse(responseCode = "200", description = "The appeal")
    @APIResponse(responseCode = "404", description = "No such appeal among yours")
    public AppealView get(@PathParam("id") UUID id) {
        return queries.ownAppeal(caller.id(), id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Every status change of one of my appeals", description = "Oldest first, with time and the role of who made it.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "No such appeal among yours")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.ownHistory(caller.id(), id);
    }
}
