package ru.spb.feedback.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throwaway directories of a test run or local session (database files, broker logs). */
public final class ScratchDirectory {

    private static final System.Logger LOG = System.getLogger(ScratchDirectory.class.getName());

    private ScratchDirectory() {
    }

    /** Deletes the directory and everything in it; a leftover is logged, not fatal. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + root, e);
        }
    }
}
