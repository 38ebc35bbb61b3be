package ru.spb.feedback.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a suite at a real Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else the in-JVM broker. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every suite of this JVM; stops with it
    }
}
