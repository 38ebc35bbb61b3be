package ru.spb.feedback.appeals.operations;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.messaging.inbox.DeadLetter;
import ru.spb.feedback.messaging.inbox.DeadLetterAdmin;

import java.time.Instant;
import java.util.List;

/** What the dead-letter endpoints answer. */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    @Schema(name = "DeadLetterTopic")
    public record TopicView(
            @Schema(examples = "dead-letter.appeals-service") String topic,
            @Schema(description = "The consumer group that gave up on its records", examples = "appeals-service") String consumer,
            @Schema(description = "Records the topic holds now") long messages) {

        static TopicView of(DeadLetterAdmin.Topic topic) {
            return new TopicView(topic.topic(), topic.consumer(), topic.messages());
        }
    }

    @Schema(name = "DeadLetterPage")
    public record PageView(
            String topic,
            @Schema(description = "Each partition's offsets [beginningOffset, endOffset), for paging with partition and from")
            List<DeadLetterAdmin.PartitionRange> partitions,
            @Schema(description = "In (partition, offset) order") List<MessageView> messages) {
    }

    /** Whether and when a record was replayed, and by whom (the latest replay). */
    @Schema(name = "DeadLetterReplayState")
    public record ReplayState(
            @Schema(description = "How many times it was replayed") long replays,
            Instant lastReplayedAt,
            @Schema(description = "The admin's token subject") String lastReplayedBy) {
    }

    @Schema(name = "DeadLetterMessage")
    public record MessageView(
            int partition,
            long offset,
            @Schema(description = "When it was written to the dead-letter topic") Instant timestamp,
            @Schema(description = "The original key (the appeal id for events)") String key,
            @Schema(examples = "RoutingDecided") String eventType,
            String eventId,
            @Schema(examples = "routing.events", description = "Where the consumer read it; a replay goes there") String originalTopic,
            Integer originalPartition,
            Long originalOffset,
            String consumer,
            @Schema(description = "Class of the failure", examples = "ru.spb.feedback.contracts.MalformedEventException") String errorClass,
            @Schema(description = "What was wrong; never quotes the record", examples = "routing event for unknown appeal 3f2c…")
            String error,
            Instant failedAt,
            @Schema(description = "The record's value when it is JSON (the event envelope)", type = SchemaType.OBJECT) Object payload,
            @Schema(description = "The value as text when it is not JSON") String rawValue,
            @Schema(description = "Set when the record was itself a replay (topic/partition/offset) that failed again")
            String replayedFrom,
            boolean replayed,
            @Schema(description = "Present once replayed") ReplayState replay) {

        static MessageView of(DeadLetter letter, ReplayState replay) {
            return new MessageView(letter.partition(), letter.offset(), letter.timestamp(), letter.key(), letter.eventType(),
                    letter.eventId(), letter.originalTopic(), letter.originalPartition(), letter.originalOffset(),
                    letter.consumer(), letter.errorClass(), letter.reason(), letter.failedAt(), letter.payload(),
                    letter.rawValue(), letter.replayedFrom(), replay != null, replay);
        }
    }

    @Schema(name = "DeadLetterReplayResult")
    public record ReplayResult(
            String topic,
            int partition,
            long offset,
            String eventId,
            @Schema(examples = "routing.events") String replayedTo,
            int replayedToPartition,
            long replayedToOffset,
            Instant replayedAt,
            String replayedBy,
            @Schema(description = "A repeat asked for with force=true") boolean forced,
            @Schema(description = "Replays of this record so far, this one included") long replays) {
    }
}
