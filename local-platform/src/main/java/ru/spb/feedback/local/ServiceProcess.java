package ru.spb.feedback.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform running from its built jar in a JVM of its own. */
public final class ServiceProcess implements AutoCloseable {

    /** The services' JVM options, shared with the image (Dockerfile). */
    static final String JVM_OPTIONS = "ops/jvm.options";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path repositoryRoot;
    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(Path repositoryRoot, String name, int port, Map<String, String> environment, Process process, Path logFile) {
        this.repositoryRoot = repositoryRoot;
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar}. Everything the service needs is
     * passed explicitly in {@code environment}, on top of this process's environment.
     */
    public static ServiceProcess start(Path repositoryRoot, String module, int port, Map<String, String> environment,
                                       Path logFile) throws IOException {
        Path jar = repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaBinary(),
                "@" + repositoryRoot.resolve(JVM_OPTIONS).toAbsolutePath(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repositoryRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc's per-thread malloc arenas would otherwise hold tens of MB per JVM (as in the Dockerfile)
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new ServiceProcess(repositoryRoot, module, port, Map.copyOf(environment), builder.start(), logFile);
    }

    /** The same service started again, same port and settings (after {@link #close()}). */
    public ServiceProcess startAgain() throws IOException {
        return start(repositoryRoot, name, port, environment, logFile);
    }

    public String name() {
        return name;
    }

    /** The JVM's process id (the benchmark reads its resident memory). */
    public long pid() {
        return process.pid();
    }

    /** Where the service's output (its log) goes. */
    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails if the process dies or time runs out. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /** Kills the service at once (SIGKILL), as a crash or an OOM kill would: no shutdown hook runs. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to shut down gracefully (SIGTERM), then forces it after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
