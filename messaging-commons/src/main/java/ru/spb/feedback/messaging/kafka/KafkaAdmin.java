package ru.spb.feedback.messaging.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A long-lived Kafka admin client with short timeouts: tells whether the broker answers and
 * creates the topics a service produces to, so a fresh broker needs no manual setup.
 */
@ApplicationScoped
public class KafkaAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();
    private volatile Admin admin;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The number of brokers that answered, or a failure if none did within a few seconds. */
    public int brokerCount() throws KafkaUnavailableException {
        try {
            return admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        }
    }

    /** Creates the topics that do not exist yet; remembers the ones it has seen so it asks only once. */
    public void ensureTopics(Collection<String> topics, int partitions) throws KafkaUnavailableException {
        List<NewTopic> missing = topics.stream()
                .filter(topic -> !knownTopics.contains(topic))
                .distinct()
                .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        for (NewTopic topic : missing) {
            try {
                admin().createTopics(List.of(topic)).all().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new KafkaUnavailableException(e);
                }
            } catch (TimeoutException e) {
                throw new KafkaUnavailableException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException(e);
            }
            knownTopics.add(topic.name());
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties properties = new Properties();
                    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
                    admin = Admin.create(properties);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The broker did not answer in time. */
    public static class KafkaUnavailableException extends Exception {
        public KafkaUnavailableException(Throwable cause) {
            super(cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause);
        }
    }
}
