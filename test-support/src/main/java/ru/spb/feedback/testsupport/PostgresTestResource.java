package ru.spb.feedback.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ru.spb.feedback.devinfra.PostgresServer;

import java.util.Map;

/**
 * Gives a suite its own database on a real PostgreSQL (see {@link ru.spb.feedback.devinfra.Postgres}
 * for where the server comes from). Init arg {@code database}: the database name. The environment
 * variable {@code TEST_DATABASE_SUFFIX} is appended to it, so two checkouts can run their tests
 * on one server at the same time without cleaning each other's databases.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "feedback_test";

    @Override
    public void init(Map<String, String> initArgs) {
        String suffix = System.getenv().getOrDefault("TEST_DATABASE_SUFFIX", "");
        database = initArgs.getOrDefault("database", database) + suffix.replaceAll("[^a-z0-9_]", "");
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = SharedInfrastructure.postgres();
        server.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // the server is shared by every suite of this JVM and stops with it
    }
}
