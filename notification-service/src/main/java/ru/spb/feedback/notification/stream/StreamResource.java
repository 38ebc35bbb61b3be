package ru.spb.feedback.notification.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.inbox.Inbox;
import ru.spb.feedback.notification.inbox.NotificationView;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Roles;
import ru.spb.feedback.web.StreamSubjects;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "A citizen's in-app inbox")
public class StreamResource {

    /** The SSE event name of a new notification. */
    public static final String EVENT_NAME = "notification";
    private static final long RECONNECT_MILLIS = 3000;

    @Inject
    StreamTickets tickets;

    @Inject
    LiveStreams streams;

    @Inject
    Inbox inbox;

    @Inject
    NotificationConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    JsonWebToken jwt;

    @POST
    @Path("/stream-tickets")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A ticket for my live stream",
            description = "For browsers, whose EventSource cannot send an Authorization header: valid once, for a short time.")
    @APIResponse(responseCode = "201", description = "The ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StreamTicketView.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the citizen role")
    public Response ticket() {
        return Response.status(Response.Status.CREATED)
                .entity(tickets.issue(caller.id(), Instant.ofEpochSecond(jwt.getExpirationTime()))).build();
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll
    @Blocking
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "My new notifications, live (Server-Sent Events)",
            description = "Authenticate with a bearer token or a stream ticket. Each new notification is an event named "
                    + "`notification` whose id is its `seq` and whose data is the notification as JSON; comment lines keep "
                    + "the stream open. Reconnecting with `Last-Event-ID` replays what was missed.")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "401", description = "No valid bearer token or stream ticket")
    @APIResponse(responseCode = "403", description = "The token lacks the citizen role")
    public Multi<OutboundSseEvent> stream(
            @Context Sse sse,
            @Context HttpServerResponse response,
            @Parameter(description = "A ticket from POST /api/v1/notifications/stream-tickets, instead of a bearer token")
            @QueryParam("ticket") String ticket,
            @Parameter(description = "The id of the last event received, to replay what came after it")
            @HeaderParam("Last-Event-ID") String lastEventId) {
        StreamTickets.Redeemed opened = authenticate(ticket);
        String citizenId = opened.citizenId();
        // for the gateway's cap of streams per citizen and its end of the stream; it removes both before the client
        response.putHeader(StreamSubjects.HEADER, citizenId);
        opened.sessionExpiresAt().ifPresent(end -> response.putHeader(StreamSubjects.ENDS_AT, String.valueOf(end.getEpochSecond())));

        UnicastProcessor<LiveItem> live = UnicastProcessor.create();
        LiveStreams.Subscriber subscriber = streams.open(citizenId, live);
        subscriber.comment("connected");
        // opened before reading the replay: whatever is created meanwhile arrives once either way
        Long after = parsePosition(lastEventId);
        if (after != null) {
            try {
                List<NotificationView> missed = inbox.after(citizenId, after, config.stream().replayLimit());
                missed.forEach(subscriber::send);
            } catch (RuntimeException e) {
                subscriber.close(); // no stream will be returned: do not leave it registered
                throw e;
            }
        }
        Multi<LiveItem> heartbeats = Multi.createFrom().ticks().every(config.stream().heartbeat())
                .map(tick -> LiveItem.comment("heartbeat"));
        return Multi.createBy().merging().streams(live, heartbeats)
                .onTermination().invoke(subscriber::close)
                .map(item -> toEvent(sse, item));
    }

    /** A stream ticket if given, else the bearer token, which must be a citizen's; with when either's token expires. */
    private StreamTickets.Redeemed authenticate(String ticket) {
        if (ticket != null && !ticket.isBlank()) {
            return tickets.redeem(ticket.trim());
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.CITIZEN)) {
            throw new ForbiddenException();
        }
        return new StreamTickets.Redeemed(caller.id(), Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    private OutboundSseEvent toEvent(Sse sse, LiveItem item) {
        if (item.notification() == null) {
            OutboundSseEvent.Builder comment = sse.newEventBuilder().comment(item.comment());
            if ("connected".equals(item.comment())) {
                comment.reconnectDelay(RECONNECT_MILLIS);
            }
            return comment.build();
        }
        try {
            return sse.newEventBuilder()
                    .id(String.valueOf(item.notification().seq()))
                    .name(EVENT_NAME)
                    .data(String.class, json.writeValueAsString(item.notification()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification", e);
        }
    }

    /** A malformed Last-Event-ID is ignored, as browsers may send anything they were given. */
    private static Long parsePosition(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.trim());
            return position >= 0 ? position : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
