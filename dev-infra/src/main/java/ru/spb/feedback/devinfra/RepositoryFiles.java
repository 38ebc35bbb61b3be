package ru.spb.feedback.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of this repository from wherever a test or tool runs (module directory or root). */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository's root directory (the one holding {@code mvnw}). */
    public static Path root() {
        return find("mvnw").getParent();
    }

    /**
     * Walks up from the working directory until {@code relativePath} exists. The environment
     * variable {@code FEEDBACK_HOME} names the repository root explicitly.
     */
    public static Path find(String relativePath) {
        String home = System.getenv("FEEDBACK_HOME");
        if (home != null && Files.exists(Path.of(home, relativePath))) {
            return Path.of(home, relativePath).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relativePath);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relativePath + " not found above " + Path.of("").toAbsolutePath()
                + "; run from the repository or set FEEDBACK_HOME");
    }
}
