package ru.spb.feedback.notification.inbox;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.QueryParameters;
import ru.spb.feedback.web.Roles;

import java.util.UUID;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Notifications", description = "A citizen's in-app inbox")
@APIResponse(responseCode = "403", description = "The token lacks the citizen role")
public class NotificationResource {

    @Inject
    Inbox inbox;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My notifications", description = "Newest first; `unread=true` for unread ones only.")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "400", description = "Bad paging or filter")
    public PageView<NotificationView> list(
            @Parameter(description = "true: only unread notifications", schema = @Schema(implementation = Boolean.class))
            @QueryParam("unread") String unread,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return inbox.list(caller.id(), Boolean.TRUE.equals(QueryParameters.flag("unread", unread)), page, size);
    }

    @GET
    @Path("/unread-count")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "How many of my notifications are unread")
    @APIResponse(responseCode = "200", description = "The count")
    public UnreadCountView unreadCount() {
        return new UnreadCountView(inbox.unreadCount(caller.id()));
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Mark one of my notifications read", description = "Marking it again changes nothing.")
    @APIResponse(responseCode = "200", description = "The notification, read")
    @APIResponse(responseCode = "404", description = "No such notification among yours")
    public NotificationView read(@PathParam("id") UUID id) {
        return inbox.markRead(caller.id(), id);
    }

    @POST
    @Path("/read-all")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Mark all my notifications read")
    @APIResponse(responseCode = "200", description = "How many were unread")
    public ReadAllView readAll() {
        return new ReadAllView(inbox.markAllRead(caller.id()));
    }
}
