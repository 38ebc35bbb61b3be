package ru.spb.feedback.messaging.inbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One record of a dead-letter topic, as an operator needs to see it before replaying it.
 *
 * @param partition         the record's partition in the dead-letter topic
 * @param offset            its offset there
 * @param timestamp         when it was written to the dead-letter topic (the broker's record time)
 * @param key               the original key (for events, the appeal id)
 * @param eventType         the {@code event-type} header, if the record had one
 * @param eventId           the {@code event-id} header, if the record had one
 * @param originalTopic     where the consumer read it ({@code dlq-source-topic}); replays go there
 * @param originalPartition where in {@code originalTopic} it was
 * @param originalOffset    and at which offset
 * @param consumer          the consumer group that gave up on it
 * @param errorClass        the class of the failure (the cause of the malformed-event error)
 * @param reason            what was wrong, never quoting the record
 * @param failedAt          when the consumer gave up
 * @param payload           the value, when it is JSON
 * @param rawValue          the value as text, when it is not JSON (null otherwise)
 * @param replayedFrom      set when the record was itself a replay that failed again
 */
public record DeadLetter(
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String eventType,
        String eventId,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumer,
        String errorClass,
        String reason,
        Instant failedAt,
        JsonNode payload,
        String rawValue,
        String replayedFrom) {
}
