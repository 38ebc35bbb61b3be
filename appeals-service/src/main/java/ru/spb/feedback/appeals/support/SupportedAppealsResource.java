package ru.spb.feedback.appeals.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.Roles;

/** The appeals a citizen supports. A literal root path, preferred by JAX-RS to {@code /api/v1/appeals/{id}}. */
@Path("/api/v1/appeals/supported")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Support")
public class SupportedAppealsResource {

    @Inject
    AppealSupport support;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Appeals I support", description = "Most recently supported first; number, status and supporters only.")
    @APIResponse(responseCode = "200", description = "A page of supported appeals")
    @APIResponse(responseCode = "400", description = "Bad paging")
    @APIResponse(responseCode = "403", description = "The token lacks the citizen role")
    public PageView<AppealSupportView> supported(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return support.supportedBy(caller.id(), page, size);
    }
}
