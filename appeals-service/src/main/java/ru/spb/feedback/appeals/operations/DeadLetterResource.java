package ru.spb.feedback.appeals.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.QueryParameters;
import ru.spb.feedback.web.Roles;

import java.util.List;

/**
 * Dead letters for admins: the {@code dead-letter.*} topics, their records, and replaying one to
 * the topic it came from after the cause was fixed. Only dead-letter topics can be named here.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Dead letters", description = "Records consumers could not handle, and their replay (admin)")
@APIResponse(responseCode = "403", description = "Not an admin")
@APIResponse(responseCode = "503", description = "Kafka did not answer")
public class DeadLetterResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    @Inject
    DeadLetterReplays replays;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The dead-letter topics on the broker", description = "With how many records each holds now.")
    @APIResponse(responseCode = "200", description = "Topics by name")
    public List<DeadLetterViews.TopicView> topics() {
        return replays.topics();
    }

    @GET
    @Path("/{topic}/messages")
    @Operation(summary = "Records of one dead-letter topic",
            description = "In (partition, offset) order from offset `from` (default: each partition's beginning), at most `limit`; "
                    + "name a `partition` to page through it. Each record says whether and when it was replayed and by whom.")
    @APIResponse(responseCode = "200", description = "The records, with each partition's offset range")
    @APIResponse(responseCode = "400", description = "partition, from or limit not a whole number in range")
    @APIResponse(responseCode = "404", description = "Not a dead-letter topic on the broker, or no such partition")
    public DeadLetterViews.PageView messages(
            @Parameter(description = "A dead-letter topic", example = "dead-letter.appeals-service") @PathParam("topic") String topic,
            @Parameter(description = "Only this partition") @QueryParam("partition") String partition,
            @Parameter(description = "First offset to show") @QueryParam("from") String from,
            @Parameter(description = "Most records to show (1–500, default 50)") @QueryParam("limit") String limit) {
        Long partitionNumber = QueryParameters.wholeNumber("partition", partition, 0, Integer.MAX_VALUE);
        Long fromOffset = QueryParameters.wholeNumber("from", from, 0, Long.MAX_VALUE);
        Long limitNumber = QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT);
        return replays.messages(topic, partitionNumber == null ? null : partitionNumber.intValue(), fromOffset,
                limitNumber == null ? DEFAULT_LIMIT : limitNumber.intValue());
    }

    @POST
    @Path("/{topic}/messages/{partition}/{offset}/replay")
    @Operation(summary = "Replay one record to the topic it came from",
            description = "Publishes the record's key, value and event headers again to its original topic; consumers skip "
                    + "events they already handled. A record replayed before is 409 unless `force=true`.")
    @APIResponse(responseCode = "200", description = "Replayed, and recorded with who and when")
    @APIResponse(responseCode = "400", description = "partition or offset not a whole number, force not true/false")
    @APIResponse(responseCode = "404", description = "Not a dead-letter topic, or no record at that partition and offset")
    @APIResponse(responseCode = "409", description = "Replayed before; repeat with force=true")
    @APIResponse(responseCode = "422", description = "The record does not name the topic it came from")
    public DeadLetterViews.ReplayResult replay(
            @Parameter(example = "dead-letter.appeals-service") @PathParam("topic") String topic,
            @PathParam("partition") String partition,
            @PathParam("offset") String offset,
            @Parameter(description = "Replay again although it was replayed before") @QueryParam("force") String force) {
        Long partitionNumber = QueryParameters.wholeNumber("partition", partition, 0, Integer.MAX_VALUE);
        Long offsetNumber = QueryParameters.wholeNumber("offset", offset, 0, Long.MAX_VALUE);
        if (partitionNumber == null || offsetNumber == null) {
            throw ProblemException.invalid(partitionNumber == null ? "partition" : "offset", "is required");
        }
        boolean again = Boolean.TRUE.equals(QueryParameters.flag("force", force));
        return replays.replay(topic, partitionNumber.intValue(), offsetNumber, again, caller.id());
    }
}
