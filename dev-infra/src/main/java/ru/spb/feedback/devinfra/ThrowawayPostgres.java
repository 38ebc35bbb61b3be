package ru.spb.feedback.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * Starts a PostgreSQL cluster in a temp directory, on a free port, bound to 127.0.0.1 with trust
 * auth for the user {@code postgres}. It lives only as long as the test run or local session that
 * started it, so fsync is off; acknowledged commits still survive a crash of the server.
 */
public final class ThrowawayPostgres {

    private static final System.Logger LOG = System.getLogger(ThrowawayPostgres.class.getName());

    private ThrowawayPostgres() {
    }

    public static PostgresServer start(PostgresBinaries binaries) {
        return startCluster(binaries).server();
    }

    /**
     * Starts a cluster that can also be stopped and started again on the same port and data, as
     * the fault-injection suite does to simulate a database outage. Closing its server (or the
     * cluster) stops it for good and deletes its files.
     */
    public static Cluster startCluster(PostgresBinaries binaries) {
        String runAs = isRoot() ? unprivilegedUser() : null;
        try {
            // not under /root or the user's home: the unprivileged user must reach it
            Path base = Files.createTempDirectory(Path.of("/tmp"), "feedback-pg-");
            Path data = base.resolve("data");
            Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (runAs != null) {
                UserPrincipal owner = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
                Files.setOwner(base, owner);
                Files.setOwner(data, owner);
            }
            Processes.run(Processes.asUser(runAs, List.of(binaries.program("initdb").toString(),
                    "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")), 120);
            Cluster cluster = new Cluster(binaries, runAs, base, freePort());
            cluster.start();
            LOG.log(System.Logger.Level.INFO, "started throwaway PostgreSQL ({0}) on 127.0.0.1:{1,number,#}",
                    binaries.origin(), cluster.port);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a throwaway PostgreSQL", e);
        }
    }

    /** A throwaway cluster: its data directory, its port, and the server that names them. */
    public static final class Cluster implements AutoCloseable {

        private final PostgresBinaries binaries;
        private final String runAs;
        private final Path base;
        private final Path data;
        private final int port;
        private final PostgresServer server;
        private boolean closed;

        private Cluster(PostgresBinaries binaries, String runAs, Path base, int port) {
            this.binaries = binaries;
            this.runAs = runAs;
            this.base = base;
            this.data = base.resolve("data");
            this.port = port;
            this.server = new PostgresServer("127.0.0.1", port, "postgres", "",
                    "throwaway " + binaries.origin() + " on port " + port, this::close);
        }

        public PostgresServer server() {
            return server;
        }

        /**
         * Starts the server on the cluster's port. fsync and full-page writes are off (the files
         * are thrown away with the cluster), but synchronous_commit stays on: a commit the server
         * acknowledged survives {@link #stop()}, which crashes the server like a power cut.
         */
        public void start() {
            Processes.run(Processes.asUser(runAs, List.of(binaries.program("pg_ctl").toString(), "-D", data.toString(),
                    "-l", base.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + base
                            + " -c fsync=off -c full_page_writes=off -c max_connections=300",
                    "start")), 90);
        }

        /** Stops the server at once (connections cut, no checkpoint); {@link #start()} brings it back. */
        public void stop() {
            Processes.run(Processes.asUser(runAs, List.of(binaries.program("pg_ctl").toString(),
                    "-D", data.toString(), "-m", "immediate", "-w", "stop")), 30);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                stop();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not stop throwaway PostgreSQL in " + data, e);
            }
            ScratchDirectory.delete(base);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL will not run as root: use the {@code postgres} account if the machine has one, else {@code nobody}. */
    private static String unprivilegedUser() {
        try {
            List<String> passwd = Files.readAllLines(Path.of("/etc/passwd"));
            if (passwd.stream().anyMatch(line -> line.startsWith("postgres:"))) {
                return "postgres";
            }
        } catch (IOException e) {
            // no /etc/passwd to read: fall through to nobody
        }
        return "nobody";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
