package ru.spb.feedback.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a PostgreSQL cluster in a temp directory, on a free port, bound to 127.0.0.1 with trust
 * auth for the user {@code postgres}. Durability is switched off: the cluster lives only as long
 * as the test run or local session that started it.
 */
public final class ThrowawayPostgres {

    private static final System.Logger LOG = System.getLogger(ThrowawayPostgres.class.getName());

    private ThrowawayPostgres() {
    }

    public static PostgresServer start(PostgresBinaries binaries) {
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
            int port = freePort();
            Processes.run(Processes.asUser(runAs, List.of(binaries.program("initdb").toString(),
                    "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")), 120);
            List<String> start = new ArrayList<>(List.of(binaries.program("pg_ctl").toString(), "-D", data.toString(),
                    "-l", base.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + base
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                    "start"));
            Processes.run(Processes.asUser(runAs, start), 90);
            LOG.log(System.Logger.Level.INFO, "started throwaway PostgreSQL ({0}) on 127.0.0.1:{1,number,#}", binaries.origin(), port);
            Runnable stop = () -> stop(binaries, runAs, data, base);
            return new PostgresServer("127.0.0.1", port, "postgres", "", "throwaway " + binaries.origin() + " on port " + port, stop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a throwaway PostgreSQL", e);
        }
    }

    private static void stop(PostgresBinaries binaries, String runAs, Path data, Path base) {
        try {
            Processes.run(Processes.asUser(runAs, List.of(binaries.program("pg_ctl").toString(),
                    "-D", data.toString(), "-m", "immediate", "-w", "stop")), 30);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop throwaway PostgreSQL in " + data, e);
        }
        ScratchDirectory.delete(base);
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
