package ru.spb.feedback.local;

import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.devinfra.RepositoryFiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Built service jars started as processes for end-to-end tests, each with its own fresh database,
 * the way the local run starts them; closing stops them all.
 */
final class PlatformProcesses implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DATABASE_SUFFIX =
            System.getenv().getOrDefault("TEST_DATABASE_SUFFIX", "").replaceAll("[^a-z0-9_]", "");

    private final Path root = RepositoryFiles.root();
    private final Path logs;
    private final PostgresServer postgres;
    private final String kafka;
    private final Deque<ServiceProcess> running = new ArrayDeque<>();

    PlatformProcesses(PostgresServer postgres, String kafka) throws IOException {
        this.postgres = postgres;
        this.kafka = kafka;
        this.logs = Files.createDirectories(root.resolve("local-platform/target/test-logs"));
    }

    /**
     * Starts a module's jar on a free port with a fresh database {@code database} (null: none),
     * named with {@code TEST_DATABASE_SUFFIX} appended so that two checkouts can run these tests
     * on one server at the same time.
     */
    ServiceProcess start(String module, String database, Map<String, String> extraEnvironment) throws Exception {
        String ownDatabase = databaseName(database);
        if (ownDatabase != null) {
            postgres.recreateDatabase(ownDatabase);
        }
        return launch(module, ownDatabase, extraEnvironment);
    }

    /**
     * Starts another copy of a module's jar on a free port, on the database {@code existingDatabase}
     * (as named on the server, not recreated) that a copy already running uses.
     */
    ServiceProcess startCopy(String module, String existingDatabase, Map<String, String> extraEnvironment) throws Exception {
        return launch(module, existingDatabase, extraEnvironment);
    }

    private ServiceProcess launch(String module, String ownDatabase, Map<String, String> extraEnvironment) throws Exception {
        LocalPlatform.Service service = new LocalPlatform.Service(module, KafkaBroker.freePort(), ownDatabase);
        Map<String, String> environment = new java.util.HashMap<>(LocalPlatform.environment(root, postgres, service, kafka));
        environment.putAll(extraEnvironment);
        ServiceProcess process = ServiceProcess.start(root, module, service.port(), environment,
                logs.resolve(module + "-" + System.currentTimeMillis() + ".log"));
        running.push(process);
        process.awaitReady(Duration.ofSeconds(120));
        return process;
    }

    /** The name a database gets on the server: {@code database} with {@code TEST_DATABASE_SUFFIX}; null stays null. */
    static String databaseName(String database) {
        return database == null ? null : database + DATABASE_SUFFIX;
    }

    /** Starts a stopped service again with the same port, database and settings. */
    ServiceProcess restart(ServiceProcess stopped) throws Exception {
        ServiceProcess process = stopped.startAgain();
        running.push(process);
        process.awaitReady(Duration.ofSeconds(120));
        return process;
    }

    static HttpResponse<String> call(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }
}
