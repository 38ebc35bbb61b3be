package ru.spb.feedback.messaging.inbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.spb.feedback.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records a consumer can never read to its dead-letter topic ({@code dead-letter.<consumer>}),
 * unchanged (key, value and the event's own headers), with {@code dlq-*} headers saying where they
 * came from and why, so {@link DeadLetterAdmin} can list them and replay them after a fix.
 */
@ApplicationScoped
public class DeadLetters {

    /** Every header this class adds starts with it; a replay drops them again. */
    public static final String HEADER_PREFIX = "dlq-";
    /** What was wrong, in words that never quote the record (so no personal data). */
    public static final String REASON = "dlq-reason";
    /** The class of the underlying failure, e.g. {@code com.fasterxml.jackson.core.JsonParseException}. */
    public static final String ERROR_CLASS = "dlq-error-class";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";
    /** The consumer group that gave up on the record. */
    public static final String CONSUMER = "dlq-consumer";
    /** When it gave up, ISO-8601 UTC. */
    public static final String FAILED_AT = "dlq-failed-at";
    /**
     * Set on a replayed record: the dead letter it came from ({@code topic/partition/offset}), so a
     * record that fails again shows it was already a replay.
     */
    public static final String REPLAYED_FROM = "replayed-from";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile KafkaProducer<byte[], byte[]> producer;

    /** Blocks until Kafka took the record (the source record is committed only afterwards). */
    public void send(String consumer, ConsumerRecord<?, byte[]> record, Exception error)
            throws ExecutionException, InterruptedException, TimeoutException {
        byte[] key = record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.deadLetter(consumer), key, record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        // the cause's message may quote the record (Jackson's do): only its class is kept
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        dead.headers().add(new RecordHeader(REASON, bytes(String.valueOf(error.getMessage()))));
        dead.headers().add(new RecordHeader(ERROR_CLASS, bytes(cause.getClass().getName())));
        dead.headers().add(new RecordHeader(SOURCE_TOPIC, bytes(record.topic())));
        dead.headers().add(new RecordHeader(SOURCE_PARTITION, bytes(String.valueOf(record.partition()))));
        dead.headers().add(new RecordHeader(SOURCE_OFFSET, bytes(String.valueOf(record.offset()))));
        dead.headers().add(new RecordHeader(CONSUMER, bytes(consumer)));
        dead.headers().add(new RecordHeader(FAILED_AT, bytes(Instant.now().toString())));
        producer().send(dead).get(15, TimeUnit.SECONDS);
    }

    /** Publishes a record as it is (a replay); blocks until Kafka took it. */
    RecordMetadata publish(ProducerRecord<byte[], byte[]> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        return producer().send(record).get(15, TimeUnit.SECONDS);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties properties = new Properties();
                    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    properties.put(ProducerConfig.ACKS_CONFIG, "all");
                    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
                    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    producer = new KafkaProducer<>(properties);
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
