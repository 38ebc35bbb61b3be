package ru.spb.feedback.devinfra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Finds the PostgreSQL to use for tests and local runs, in this order:
 * <ol>
 *   <li>the server the environment names ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD});</li>
 *   <li>one that accepts the user {@code postgres} at 127.0.0.1:5432;</li>
 *   <li>a throwaway cluster from the machine's PostgreSQL binaries, else from the ones on Maven Central.</li>
 * </ol>
 */
public final class Postgres {

    private static final System.Logger LOG = System.getLogger(Postgres.class.getName());

    private Postgres() {
    }

    public static PostgresServer findOrStart() {
        return findOrStart(System.getenv());
    }

    static PostgresServer findOrStart(Map<String, String> env) {
        String host = env.get("PGHOST");
        String user = env.getOrDefault("PGUSER", "postgres");
        String password = env.getOrDefault("PGPASSWORD", "");
        if (host != null && !host.isBlank()) {
            int port = Integer.parseInt(env.getOrDefault("PGPORT", "5432"));
            PostgresServer named = new PostgresServer(host, port, user, password, "environment (PGHOST=" + host + ")", () -> { });
            if (!accepts(named)) {
                throw new IllegalStateException("PGHOST names " + host + ":" + port + " but it does not accept user " + user);
            }
            return named;
        }
        PostgresServer local = new PostgresServer("127.0.0.1", 5432, user, password, "127.0.0.1:5432", () -> { });
        if (accepts(local)) {
            LOG.log(System.Logger.Level.INFO, "using the PostgreSQL at 127.0.0.1:5432");
            return local;
        }
        return ThrowawayPostgres.start(PostgresBinaries.locate());
    }

    static boolean accepts(PostgresServer server) {
        try (Connection connection = server.connect("postgres")) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }
}
