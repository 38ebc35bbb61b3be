package ru.spb.feedback.notification.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.GeoPoint;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real events on the real {@code appeal.events} topic, produced the way appeals-service does:
 * a plain Kafka producer, key = appeal id, the shared envelope and codec.
 */
public final class AppealEvents {

    /** Адмиралтейский округ (OSM relation id). */
    public static final String ADMIRALTEISKY = "1123300";
    public static final String ADMIRALTEISKY_NAME = "Адмиралтейский округ";
    public static final String ADMINISTRATION_NAME = "Местная администрация МО Адмиралтейский округ";

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.currentTimeMillis() % 500_000));
    private static KafkaProducer<String, byte[]> producer;

    private AppealEvents() {
    }

    /** An appeal of one citizen, with a fresh id and tracking number. */
    public record Appeal(UUID id, String number, String citizenId) {
        public static Appeal of(String citizenId) {
            return new Appeal(UUID.randomUUID(), String.format("SPB-2026-%06d", NUMBERS.incrementAndGet()), citizenId);
        }

        public EventEnvelope.AppealRef ref(String municipalityCode) {
            return new EventEnvelope.AppealRef(id, number, citizenId, municipalityCode);
        }
    }

    /** Filed in the platform's own apps (channel API). */
    public static EventEnvelope registered(Appeal appeal, String email, String name) {
        return registered(appeal, AppealRegistered.Channel.API, null, email, name);
    }

    /** Filed by an integrator through Open311 (channel OPEN311); the integrator is its token subject. */
    public static EventEnvelope registeredThroughOpen311(Appeal appeal, String integratorId, String email, String name) {
        return registered(appeal, AppealRegistered.Channel.OPEN311, integratorId, email, name);
    }

    private static EventEnvelope registered(Appeal appeal, AppealRegistered.Channel channel, String integratorId,
                                            String email, String name) {
        return registered(appeal, channel, integratorId, email, name, false, true);
    }

    /**
     * Any registration: {@code official} under 59-ФЗ, {@code publicCategory} the problem type's public
     * flag as appeals-service sends it (null: an older record that does not say).
     */
    public static EventEnvelope registered(Appeal appeal, AppealRegistered.Channel channel, String integratorId,
                                           String email, String name, boolean official, Boolean publicCategory) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppealRegistered payload = new AppealRegistered(
                new AppealRegistered.CategoryRef("56", "Конструкция, препятствующая парковке", "5", "Парковка", "1", "Двор",
                        publicCategory),
                9, official, new GeoPoint(59.9375, 30.3086), "Адмиралтейский пр., 1",
                "Во дворе поставили бетонные блоки, не проехать скорой", now, channel,
                email == null && name == null ? null : new AppealRegistered.CitizenContact(email, name), integratorId);
        return EventEnvelope.wrap(payload, appeal.ref(null), now, "req-" + UUID.randomUUID());
    }

    /** Routed to Адмиралтейский округ, due on the given date (end of day, Moscow). */
    public static EventEnvelope routed(Appeal appeal, LocalDate due) {
        Instant dueAt = due.atTime(23, 59, 59).atZone(CityTime.ZONE).toInstant();
        AppealRouted payload = new AppealRouted(ADMIRALTEISKY, ADMIRALTEISKY_NAME, "Адмиралтейский", ADMIRALTEISKY,
                ADMINISTRATION_NAME, dueAt, RoutingDecided.Method.GEO);
        return EventEnvelope.wrap(payload, appeal.ref(ADMIRALTEISKY), Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    /** A later event of the appeal (after its registration and routing). */
    public static EventEnvelope of(Appeal appeal, AppealEvent payload) {
        return EventEnvelope.wrap(payload, appeal.ref(ADMIRALTEISKY), Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    /** A later event of the appeal that happened at the given time. */
    public static EventEnvelope at(Appeal appeal, AppealEvent payload, Instant occurredAt) {
        return EventEnvelope.wrap(payload, appeal.ref(ADMIRALTEISKY), occurredAt.truncatedTo(ChronoUnit.MICROS), null);
    }

    /** An envelope of any type name, for types the platform does not know (yet). */
    public static EventEnvelope ofType(Appeal appeal, String eventType, boolean citizenVisible) {
        return new EventEnvelope(UUID.randomUUID(), eventType, 1, Instant.now(), appeal.id(), appeal.number(),
                appeal.citizenId(), null, citizenVisible, null,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("note", "test"));
    }

    /** Sends the envelope and waits until Kafka has it. */
    public static void publish(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.APPEAL_EVENTS, envelope.appealId().toString(),
                EventCodec.encode(envelope));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_ID, bytes(envelope.eventId().toString())));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_TYPE, bytes(envelope.eventType())));
        record.headers().add(new RecordHeader(EventHeaders.SCHEMA_VERSION, bytes(String.valueOf(envelope.schemaVersion()))));
        send(record);
    }

    /** Sends raw bytes that are no event at all. */
    public static void publishRaw(String key, byte[] value) {
        send(new ProducerRecord<>(Topics.APPEAL_EVENTS, key, value));
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce a test record", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
