package ru.spb.feedback.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay ({@code outbox.*}). */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    Relay relay();

    /** Partitions of a topic the relay creates because it does not exist yet. */
    @WithDefault("6")
    int topicPartitions();

    /** How long published rows are kept (for audit and replays) before the cleanup job deletes them. */
    @WithDefault("P7D")
    Duration retention();

    interface Relay {
        /** Whether this copy runs the relay at all (several copies may; one publishes at a time). */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay polls when nothing nudged it (another copy's rows, retries after an outage). */
        @WithDefault("PT0.5S")
        Duration interval();

        /** Pause after a failed pass, so an outage is not hammered. */
        @WithDefault("PT2S")
        Duration backoff();

        /** Rows published per pass. */
        @WithDefault("500")
        int batchSize();

        /** Upper bound for one record's delivery (Kafka {@code delivery.timeout.ms}); keeps an outage from blocking the relay for minutes. */
        @WithDefault("PT10S")
        Duration deliveryTimeout();

        /** How long a send may block waiting for metadata when the broker is unreachable (Kafka {@code max.block.ms}). */
        @WithDefault("PT3S")
        Duration maxBlock();
    }
}
