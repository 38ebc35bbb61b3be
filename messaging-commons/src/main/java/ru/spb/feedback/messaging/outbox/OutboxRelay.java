package ru.spb.feedback.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.messaging.jobs.BackgroundLoop;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.messaging.kafka.KafkaAdmin;
import ru.spb.feedback.messaging.kafka.KafkaReachability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka, oldest first. One copy of the service relays at a time (an
 * advisory lock held for the pass), so events of one appeal leave in the order they were written.
 * A pass sends the oldest unpublished row of each appeal and marks the ones Kafka acknowledged; an
 * appeal's next row goes out in the next pass (at once), so each appeal's events keep their order
 * even when Kafka expires a record in an outage. One pass never sends a row twice; a row whose
 * acknowledgement was lost may be sent again by a later pass, and consumers drop it by its event
 * id. While Kafka is down, rows simply accumulate; they go out when it is back, also after a restart.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "outbox-relay";

    @Inject
    OutboxConfig config;

    @Inject
    ClusterLock clusterLock;

    @Inject
    KafkaAdmin kafkaAdmin;

    @Inject
    KafkaReachability reachability;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private BackgroundLoop loop;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent startup) {
        published = meters.counter("outbox.published", "service", applicationName);
        failures = meters.counter("outbox.publish.failures", "service", applicationName);
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled in this copy");
            return;
        }
        loop = BackgroundLoop.start("outbox-relay", config.relay().interval(), config.relay().backoff(), () -> {
            Pass pass = relayOnce();
            if (pass.failed()) {
                return BackgroundLoop.Outcome.FAILED;
            }
            return pass.more() || pass.published() == config.relay().batchSize()
                    ? BackgroundLoop.Outcome.MORE : BackgroundLoop.Outcome.IDLE;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(15));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Asks for a pass as soon as the current transaction commits. */
    void nudgeAfterCommit() {
        if (loop != null) {
            loop.nudgeAfterCommit(transactions);
        }
    }

    /** One pass: publish up to a batch of rows if this copy holds the relay lock. */
    public Pass relayOnce() {
        // the pass may wait for Kafka up to the delivery timeout; give the transaction room for it
        int timeoutSeconds = (int) config.relay().deliveryTimeout().plusSeconds(30).toSeconds();
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(this::publishBatch);
    }

    private Pass publishBatch() {
        if (!clusterLock.tryLockForTransaction(LOCK)) {
            return Pass.NOT_OURS;
        }
        // read-only: the pass changes rows by explicit updates, so the session never dirty-checks a batch
        List<OutboxEvent> unpublished = OutboxEvent.<OutboxEvent>find("publishedAt is null order by id")
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .page(0, config.relay().batchSize()).list();
        if (unpublished.isEmpty()) {
            return Pass.EMPTY;
        }
        // Only the oldest unpublished row of each appeal goes out in a pass. Kafka may deliver a
        // later record of a partition after an earlier one expired in an outage, so a row is sent
        // only once every row before it of the same appeal is acknowledged: order per appeal holds.
        Set<String> keys = new HashSet<>();
        List<OutboxEvent> batch = unpublished.stream().filter(row -> keys.add(row.messageKey)).toList();
        boolean deferred = batch.size() < unpublished.size();
        try {
            kafkaAdmin.ensureTopics(batch.stream().map(row -> row.topic).toList(), config.topicPartitions());
        } catch (KafkaAdmin.KafkaUnavailableException e) {
            return failed(batch.get(0), e.getCause(), 0);
        }

        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            try {
                sent.add(producer().send(toRecord(row)));
            } catch (RuntimeException e) {
                break; // e.g. no metadata within max.block.ms: Kafka is away, the rest waits too
            }
        }
        List<Long> done = new ArrayList<>(sent.size());
        OutboxEvent firstFailed = null;
        Exception firstError = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                if (i >= sent.size()) {
                    throw new IllegalStateException("not sent: Kafka refused the record");
                }
                sent.get(i).get(config.relay().deliveryTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                done.add(row.id);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (firstFailed == null) {
                    firstFailed = row;
                    firstError = e;
                }
            }
        }
        markPublished(done);
        if (firstFailed != null) {
            return failed(firstFailed, firstError, done.size());
        }
        if (reachability.observed(true)) {
            LOG.info("outbox relay reached Kafka");
        }
        return new Pass(done.size(), false, deferred);
    }

    private void markPublished(List<Long> ids) {
        if (!ids.isEmpty()) {
            // native: an HQL update with a list parameter is translated anew on every pass
            entityManager.createNativeQuery("update outbox_event set published_at = :now where id in (:ids)")
                    .setParameter("now", Instant.now())
                    .setParameter("ids", ids)
                    .executeUpdate();
            published.increment(ids.size());
        }
    }

    private Pass failed(OutboxEvent row, Throwable error, int publishedBefore) {
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.ExecutionException ? error.getCause() : error;
        int attempts = row.attempts + 1;
        entityManager.createNativeQuery("update outbox_event set attempts = :attempts, last_error = :error where id = :id")
                .setParameter("attempts", attempts)
                .setParameter("error", truncate(cause.getClass().getSimpleName() + ": " + cause.getMessage()))
                .setParameter("id", row.id)
                .executeUpdate();
        failures.increment();
        if (reachability.observed(false) || attempts == 1) {
            LOG.warnf("outbox relay cannot publish (%s); %d published in this pass, the rest waits",
                    cause.getClass().getSimpleName(), publishedBefore);
        }
        return new Pass(publishedBefore, true, false);
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxEvent row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.messageKey,
                row.payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_ID, bytes(row.eventId.toString())));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_TYPE, bytes(row.eventType)));
        record.headers().add(new RecordHeader(EventHeaders.SCHEMA_VERSION, bytes(String.valueOf(row.schemaVersion))));
        if (row.requestId != null) {
            record.headers().add(new RecordHeader(EventHeaders.REQUEST_ID, bytes(row.requestId)));
        }
        return record;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            OutboxConfig.Relay relay = config.relay();
            long deliveryTimeout = relay.deliveryTimeout().toMillis();
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaAdmin.bootstrapServers());
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, deliveryTimeout / 2 - 10));
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, relay.maxBlock().toMillis());
            properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /**
     * The outcome of one pass.
     *
     * @param published rows Kafka acknowledged
     * @param failed    whether Kafka did not take a row
     * @param more      whether rows were left for the next pass (later events of an appeal, or a full batch)
     */
    public record Pass(int published, boolean failed, boolean more) {
        static final Pass NOT_OURS = new Pass(0, false, false);
        static final Pass EMPTY = new Pass(0, false, false);
    }
}
