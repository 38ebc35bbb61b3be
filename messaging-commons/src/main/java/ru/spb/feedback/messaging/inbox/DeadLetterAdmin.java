package ru.spb.feedback.messaging.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.kafka.KafkaAdmin.KafkaUnavailableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Lists the dead-letter topics and their records and replays one to the topic it came from.
 * Reads with a short-lived consumer that assigns partitions and seeks, in no consumer group, so
 * looking commits nothing and moves no real consumer. Only {@code dead-letter.*} topics are
 * read; any other name is "not found", so this can never be used to read arbitrary topics.
 */
@ApplicationScoped
public class DeadLetterAdmin {

    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile(
            Pattern.quote(Topics.deadLetter("")) + "[A-Za-z0-9._-]{1,200}");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DeadLetters deadLetters;

    /** A dead-letter topic and how many records it holds now. */
    public record Topic(String topic, String consumer, long messages) {
    }

    /** The range of offsets one partition holds: {@code [beginningOffset, endOffset)}. */
    public record PartitionRange(int partition, long beginningOffset, long endOffset) {
    }

    /** Records of one topic in (partition, offset) order, with every partition's range for paging. */
    public record Page(String topic, List<PartitionRange> partitions, List<DeadLetter> messages) {
    }

    /** Where a replay went. */
    public record Replayed(String targetTopic, int targetPartition, long targetOffset, String eventId) {
    }

    /** The topic is not a dead-letter topic on the broker, or it has no such partition or offset. */
    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message, null, false, false);
        }
    }

    /** The record does not say where it came from, so there is nowhere to replay it to. */
    public static class NotReplayableException extends RuntimeException {
        public NotReplayableException(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether the name is one a dead-letter topic may have; says nothing about the broker. */
    public static boolean isDeadLetterTopic(String topic) {
        return topic != null && DEAD_LETTER_TOPIC.matcher(topic).matches();
    }

    /** Every dead-letter topic on the broker, by name. */
    public List<Topic> topics() throws KafkaUnavailableException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.listTopics(TIMEOUT).entrySet().stream()
                    .filter(topic -> isDeadLetterTopic(topic.getKey()))
                    .flatMap(topic -> topic.getValue().stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            return partitions.stream().map(TopicPartition::topic).distinct().sorted()
                    .map(topic -> new Topic(topic, topic.substring(Topics.deadLetter("").length()),
                            partitions.stream().filter(p -> p.topic().equals(topic))
                                    .mapToLong(p -> end.get(p) - beginning.get(p)).sum()))
                    .toList();
        } catch (KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    /**
     * Up to {@code limit} records from offset {@code from} on (or each partition's beginning), of
     * one partition or of all in turn.
     */
    public Page messages(String topic, Integer partition, Long from, int limit) throws KafkaUnavailableException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic).stream()
                    .filter(p -> partition == null || p.partition() == partition)
                    .toList();
            if (partitions.isEmpty()) {
                throw new NotFoundException(topic + " has no partition " + partition);
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<DeadLetter> messages = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long start = Math.max(from == null ? 0 : from, beginning.get(tp));
                if (messages.size() < limit && start < end.get(tp)) {
                    read(consumer, tp, start, end.get(tp), limit - messages.size())
                            .forEach(record -> messages.add(view(record)));
                }
            }
            return new Page(topic, partitions.stream()
                    .map(tp -> new PartitionRange(tp.partition(), beginning.get(tp), end.get(tp))).toList(), messages);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    /**
     * Publishes the record at {@code topic/partition/offset} to the topic it was read from, with
     * its key, value and own headers (the {@code dlq-*} ones dropped, {@code replayed-from} added).
     * Consumers deduplicate on the event id, so replaying an event they already handled is harmless.
     */
    public Replayed replay(String topic, int partition, long offset) throws KafkaUnavailableException {
        ConsumerRecord<byte[], byte[]> record = record(topic, partition, offset);
        String target = header(record, DeadLetters.SOURCE_TOPIC);
        if (target == null || target.isBlank() || isDeadLetterTopic(target)) {
            throw new NotReplayableException("the record does not name the topic it was read from");
        }
        ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(target, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetters.HEADER_PREFIX) && !header.key().equals(DeadLetters.REPLAYED_FROM)) {
                replay.headers().add(header);
            }
        }
        replay.headers().add(new RecordHeader(DeadLetters.REPLAYED_FROM,
                (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8)));
        try {
            RecordMetadata written = deadLetters.publish(replay);
            return new Replayed(written.topic(), written.partition(), written.offset(), header(record, EventHeaders.EVENT_ID));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        }
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) throws KafkaUnavailableException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition tp = partitionsOf(consumer, topic).stream()
                    .filter(p -> p.partition() == partition).findFirst()
                    .orElseThrow(() -> new NotFoundException(topic + " has no partition " + partition));
            long beginning = consumer.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
            long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
            if (offset < beginning || offset >= end) {
                throw new NotFoundException(topic + " partition " + partition + " holds offsets " + beginning + " to " + (end - 1));
            }
            return read(consumer, tp, offset, end, 1).stream()
                    .filter(record -> record.offset() == offset).findFirst()
                    .orElseThrow(() -> new NotFoundException(topic + " partition " + partition + " has no record at " + offset));
        } catch (KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        if (!isDeadLetterTopic(topic)) {
            throw new NotFoundException("not a dead-letter topic");
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new NotFoundException("no dead-letter topic " + topic);
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    /** Reads {@code [start, end)} of one partition, at most {@code limit} records. */
    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp,
                                                           long start, long end, int limit) {
        consumer.assign(List.of(tp));
        consumer.seek(tp, start);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < limit && consumer.position(tp, TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("reading " + tp + " took longer than " + TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(tp)) {
                if (record.offset() < end && records.size() < limit) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static DeadLetter view(ConsumerRecord<byte[], byte[]> record) {
        JsonNode payload = null;
        String rawValue = null;
        if (record.value() != null) {
            try {
                payload = JSON.readTree(record.value());
            } catch (IOException e) {
                rawValue = new String(record.value(), StandardCharsets.UTF_8);
            }
        }
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, EventHeaders.EVENT_TYPE), header(record, EventHeaders.EVENT_ID),
                header(record, DeadLetters.SOURCE_TOPIC), number(header(record, DeadLetters.SOURCE_PARTITION)).map(Long::intValue).orElse(null),
                number(header(record, DeadLetters.SOURCE_OFFSET)).orElse(null), header(record, DeadLetters.CONSUMER),
                header(record, DeadLetters.ERROR_CLASS), header(record, DeadLetters.REASON),
                instant(header(record, DeadLetters.FAILED_AT)), payload, rawValue, header(record, DeadLetters.REPLAYED_FROM));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-admin");
        // no group: assign and seek only, nothing committed, no real consumer disturbed
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
