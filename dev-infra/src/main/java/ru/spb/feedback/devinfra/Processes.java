package ru.spb.feedback.devinfra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short external commands and fails loudly, with their output, when they fail. */
final class Processes {

    private Processes() {
    }

    static String run(List<String> command, long timeoutSeconds) {
        try {
            Path output = Files.createTempFile("feedback-cmd-", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(new File("/"))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("exit code " + process.exitValue() + ": " + String.join(" ", command) + "\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** Prefixes a command so it runs as {@code user}: PostgreSQL refuses to run as root. */
    static List<String> asUser(String user, List<String> command) {
        if (user == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        if (onPath("runuser")) {
            wrapped.addAll(List.of("runuser", "-u", user, "--"));
            wrapped.addAll(command);
        } else {
            wrapped.addAll(List.of("su", "-s", "/bin/sh", user, "-c", shellQuote(command)));
        }
        return wrapped;
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program)) || Files.isExecutable(Path.of("/sbin", program));
    }

    private static String shellQuote(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            line.append('\'').append(part.replace("'", "'\\''")).append("' ");
        }
        return line.toString().trim();
    }
}
