package ru.spb.feedback.notification.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Roles;

@Path("/api/v1/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Preferences", description = "How a citizen wants to be told")
@APIResponse(responseCode = "403", description = "The token lacks the citizen role")
public class PreferencesResource {

    @Inject
    Recipients recipients;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My notification preferences", description = "In-app is always on; e-mail is on by default.")
    @APIResponse(responseCode = "200", description = "The preferences")
    public PreferencesView get() {
        return recipients.preferences(caller.id(), caller.email().orElse(null));
    }

    @PUT
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my notification preferences",
            description = "Switch e-mail on or off and choose its address. From now on, appeals no longer change the address.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdatePreferencesRequest.class),
            examples = @ExampleObject(name = "e-mail off", value = "{\"channels\": {\"inApp\": true, \"email\": false}}")))
    @APIResponse(responseCode = "200", description = "The saved preferences")
    @APIResponse(responseCode = "400", description = "Malformed JSON, an invalid address, in-app switched off, or e-mail on without an address")
    public PreferencesView put(@NotNull @Valid UpdatePreferencesRequest request) {
        return recipients.save(caller.id(), caller.email().orElse(null), caller.name().orElse(null), request);
    }
}
