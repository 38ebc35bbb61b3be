package ru.spb.feedback.contracts;

/** Kafka topic names shared by every service. */
public final class Topics {

    /** Everything that happens to an appeal; produced by appeals-service, key = appeal id. */
    public static final String APPEAL_EVENTS = "appeal.events";

    /** Routing decisions and triage; produced by routing-service, key = appeal id. */
    public static final String ROUTING_EVENTS = "routing.events";

    private static final String DEAD_LETTER_PREFIX = "dead-letter.";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer group. Only payloads that cannot be read end up there;
     * one topic per consumer keeps replays aimed at the consumer that failed.
     */
    public static String deadLetter(String consumerGroup) {
        return DEAD_LETTER_PREFIX + consumerGroup;
    }
}
