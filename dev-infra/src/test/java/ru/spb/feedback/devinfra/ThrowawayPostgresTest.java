package ru.spb.feedback.devinfra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Proves the fallbacks that a machine with only a JDK relies on, with real servers. */
class ThrowawayPostgresTest {

    @Test
    void startsAClusterFromTheBinariesOnMavenCentral() throws Exception {
        try (PostgresServer server = ThrowawayPostgres.start(PostgresBinaries.bundled())) {
            assertThat(serverVersion(server)).startsWith("PostgreSQL 16.4");
            server.ensureDatabase("throwaway_check");
            server.ensureDatabase("throwaway_check");
            try (Connection connection = server.connect("throwaway_check")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void startsAClusterFromTheMachinesOwnBinaries() throws Exception {
        Optional<PostgresBinaries> installed = PostgresBinaries.installed();
        assumeTrue(installed.isPresent(), "this machine has no PostgreSQL installed");
        try (PostgresServer server = ThrowawayPostgres.start(installed.get())) {
            assertThat(serverVersion(server)).startsWith("PostgreSQL");
            assertThat(server.port()).isNotEqualTo(5432);
        }
    }

    @Test
    void stoppingTheClusterFreesIt() {
        PostgresServer server = ThrowawayPostgres.start(PostgresBinaries.locate());
        assertThat(Postgres.accepts(server)).isTrue();
        server.close();
        assertThat(Postgres.accepts(server)).isFalse();
    }

    /**
     * The fault-injection suite crashes the database under load: a commit the server acknowledged
     * must survive a crash (immediate stop) and the server must come back on the same port.
     */
    @Test
    void aClusterStoppedAndStartedAgainKeepsItsPortAndAcknowledgedCommits() throws Exception {
        try (ThrowawayPostgres.Cluster cluster = ThrowawayPostgres.startCluster(PostgresBinaries.locate())) {
            PostgresServer server = cluster.server();
            try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("create table acknowledged (n int primary key)");
                for (int n = 1; n <= 200; n++) {
                    statement.execute("insert into acknowledged values (" + n + ")");
                }
            }
            cluster.stop();
            assertThat(Postgres.accepts(server)).isFalse();
            cluster.start();
            try (Connection connection = server.connect("postgres");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from acknowledged")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(200);
            }
        }
    }

    @Test
    void prefersTheServerTheEnvironmentNames() {
        try (PostgresServer throwaway = ThrowawayPostgres.start(PostgresBinaries.locate())) {
            PostgresServer found = Postgres.findOrStart(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(throwaway.port())));
            assertThat(found.port()).isEqualTo(throwaway.port());
            assertThat(found.origin()).startsWith("environment");
        }
    }

    @Test
    void refusesAnEnvironmentServerThatDoesNotAnswer() {
        assertThatThrownBy(() -> Postgres.findOrStart(Map.of("PGHOST", "127.0.0.1", "PGPORT", "1")))
                .hasMessageContaining("does not accept");
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlain() {
        PostgresServer server = new PostgresServer("127.0.0.1", 1, "postgres", "", "test", () -> { });
        assertThatThrownBy(() -> server.ensureDatabase("x; drop database postgres")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String serverVersion(PostgresServer server) throws Exception {
        try (Connection connection = server.connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
