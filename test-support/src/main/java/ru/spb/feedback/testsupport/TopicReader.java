package ru.spb.feedback.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import ru.spb.feedback.contracts.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A plain Kafka consumer for tests: reads a topic from the beginning, as an outside client would,
 * and waits until the records a test expects have arrived.
 */
public final class TopicReader implements AutoCloseable {

    /** How long a new reader may take to join its group and get the topic's partitions. */
    private static final Duration JOIN_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls until {@code count} records match, or fails after {@code timeout}; returns them in topic
     * order. {@code count} must be at least 1: "nothing arrives" is {@link #assertNothingMore}.
     */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        if (count < 1) {
            // asking for 0 used to return at once without reading the topic, so it proved nothing
            throw new IllegalArgumentException("await needs at least 1 record; to check that none arrive use assertNothingMore");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching records within " + timeout + ", saw " + matching.size()
                        + " (of " + seen.size() + " on the topic)");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /**
     * Keeps reading the topic for {@code within} and fails at the first record that matches and was
     * not read before this call, naming it; records read earlier ({@link #seen()}) do not count.
     */
    public void assertNothingMore(Predicate<ConsumerRecord<String, byte[]>> match, Duration within) {
        // the clock starts once the reader has its partitions: a slow group join must not shorten the check
        long joinDeadline = System.nanoTime() + JOIN_WAIT.toNanos();
        while (consumer.assignment().isEmpty()) {
            if (System.nanoTime() > joinDeadline) {
                throw new AssertionError("the reader got no partitions of " + consumer.subscription() + " within " + JOIN_WAIT);
            }
            pollExpectingNone(match, within);
        }
        long deadline = System.nanoTime() + within.toNanos();
        do {
            pollExpectingNone(match, within);
        } while (System.nanoTime() < deadline);
    }

    private void pollExpectingNone(Predicate<ConsumerRecord<String, byte[]>> match, Duration within) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(record);
            if (match.test(record)) {
                throw new AssertionError("expected nothing more within " + within + ", but " + describe(record) + " arrived");
            }
        }
    }

    /** Where a record is and what it is, without its value (it may hold personal data). */
    private static String describe(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " key=" + record.key()
                + (type == null ? "" : " event-type=" + type);
    }

    /** Reads until nothing new has arrived for {@code quiet}; returns everything read, in topic order. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                records.forEach(seen::add);
                quietSince = System.nanoTime();
            }
        }
        return List.copyOf(seen);
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
