package ru.spb.feedback.messaging.inbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.spb.feedback.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records a consumer can never read to its dead-letter topic ({@code dead-letter.<consumer>}),
 * unchanged, with headers saying where they came from and why, so they can be fixed and replayed.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile KafkaProducer<byte[], byte[]> producer;

    /** Blocks until Kafka took the record (the source record is committed only afterwards). */
    public void send(String consumer, ConsumerRecord<?, byte[]> record, String reason)
            throws ExecutionException, InterruptedException, TimeoutException {
        byte[] key = record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.deadLetter(consumer), key, record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        dead.headers().add(new RecordHeader(REASON, bytes(reason)));
        dead.headers().add(new RecordHeader(SOURCE_TOPIC, bytes(record.topic())));
        dead.headers().add(new RecordHeader(SOURCE_PARTITION, bytes(String.valueOf(record.partition()))));
        dead.headers().add(new RecordHeader(SOURCE_OFFSET, bytes(String.valueOf(record.offset()))));
        producer().send(dead).get(15, TimeUnit.SECONDS);
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
