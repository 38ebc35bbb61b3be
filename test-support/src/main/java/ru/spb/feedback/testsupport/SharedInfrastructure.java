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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWithin(started, "PostgreSQL"), "stop-test-postgres"));
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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWithin(started, "Kafka"), "stop-test-kafka"));
        }
        return kafka.bootstrapServers();
    }

    /**
     * Stops a server when the test JVM exits, but gives up after a while: the build tool kills a
     * test JVM that takes too long to exit and reports the run as failed, although every test passed.
     */
    private static void closeWithin(AutoCloseable server, String what) {
        Thread closing = new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.getLogger(SharedInfrastructure.class.getName()).log(System.Logger.Level.WARNING, "could not stop " + what, e);
            }
        }, "closing-" + what);
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
