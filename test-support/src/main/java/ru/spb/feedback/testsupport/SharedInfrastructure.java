package ru.spb.feedback.testsupport;

import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;

/**
 * The PostgreSQL and Kafka one test JVM shares across all its suites: found or started once,
 * stopped when the JVM exits.
 */
final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static InJvmKafka kafka;

    private SharedInfrastructure() {
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = Postgres.findOrStart();
            PostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-postgres"));
        }
        return postgres;
    }

    static synchronized String kafkaBootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (kafka == null) {
            kafka = InJvmKafka.start();
            InJvmKafka started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-kafka"));
        }
        return kafka.bootstrapServers();
    }
}
