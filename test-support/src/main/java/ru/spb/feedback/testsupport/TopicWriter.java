package ru.spb.feedback.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A plain Kafka producer for tests: puts events (or any bytes) on a topic the way a producing
 * service would, to drive a consumer under test.
 */
public final class TopicWriter implements AutoCloseable {

    private static final Map<String, TopicWriter> SHARED = new ConcurrentHashMap<>();

    private final KafkaProducer<String, byte[]> producer;

    /**
     * One writer per broker for the whole test JVM, closed when the JVM exits: a test just writes,
     * with nothing to open before or close after it. (Tests that stop their broker open their own.)
     */
    public static TopicWriter on(String bootstrapServers) {
        return SHARED.computeIfAbsent(bootstrapServers, servers -> {
            TopicWriter writer = new TopicWriter(servers);
            Runtime.getRuntime().addShutdownHook(new Thread(writer::close, "topic-writer-close"));
            return writer;
        });
    }

    public TopicWriter(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(properties);
    }

    /** Sends an event with the headers every producer of the platform sets, keyed by its appeal. */
    public void send(String topic, EventEnvelope event) {
        send(record(topic, event.appealId().toString(), event));
    }

    /** Sends raw bytes, e.g. a record no consumer can read. */
    public void sendRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Sends records with one flush, so records of one partition travel in one produce request and
     * a consumer's poll gets them together (a test of batch handling).
     */
    public void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        for (java.util.concurrent.Future<?> future : sent) {
            try {
                future.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not send to " + records.get(0).topic(), e);
            }
        }
    }

    /** The record {@link #send(String, EventEnvelope)} would send, under another key. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, EventEnvelope event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, EventCodec.encode(event));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_ID, bytes(event.eventId().toString())));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_TYPE, bytes(event.eventType())));
        record.headers().add(new RecordHeader(EventHeaders.SCHEMA_VERSION, bytes(String.valueOf(event.schemaVersion()))));
        return record;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
