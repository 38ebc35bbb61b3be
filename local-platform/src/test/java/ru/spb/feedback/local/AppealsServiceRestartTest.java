package ru.spb.feedback.local;

import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.devinfra.RepositoryFiles;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built appeals-service jar, run as its own process the way the local run starts it: appeals
 * accepted while Kafka is down survive a restart of the service in the outbox and are published
 * by the restarted copy.
 */
class AppealsServiceRestartTest {

    private static final String DATABASE = "appeals_restart_test";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void appealsAcceptedDuringAnOutageArePublishedAfterTheServiceRestarts() throws Exception {
        Path root = RepositoryFiles.root();
        Path logs = Files.createDirectories(root.resolve("local-platform/target/test-logs"));
        try (PostgresServer postgres = Postgres.findOrStart(); InJvmKafka kafka = InJvmKafka.start()) {
            postgres.recreateDatabase(DATABASE);
            LocalPlatform.Service service = new LocalPlatform.Service("appeals-service", KafkaBroker.freePort(), DATABASE);
            var environment = LocalPlatform.environment(root, postgres, service, kafka.bootstrapServers());

            kafka.stopBroker();
            Set<String> accepted = new HashSet<>();
            try (ServiceProcess first = ServiceProcess.start(root, service.module(), service.port(), environment,
                    logs.resolve("restart-first.log"))) {
                first.awaitReady(Duration.ofSeconds(120));
                String token = TestTokens.citizen("restart-citizen", "r@example.org", "Раиса");
                for (int i = 0; i < 3; i++) {
                    accepted.add(submit(first.baseUrl(), token));
                }
            }
            assertThat(accepted).hasSize(3);

            kafka.startBroker();
            try (ServiceProcess second = ServiceProcess.start(root, service.module(), service.port(), environment,
                    logs.resolve("restart-second.log"));
                 TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.APPEAL_EVENTS)) {
                second.awaitReady(Duration.ofSeconds(120));
                reader.await(record -> accepted.contains(record.key()), 3, Duration.ofSeconds(60));
                assertThat(reader.seen().stream().filter(record -> accepted.contains(record.key()))).hasSize(3);
            }
        }
    }

    private static String submit(String baseUrl, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/appeals"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"categoryCode": "56", "description": "Блоки во дворе мешают проезду", "location": {"lat": 59.9375, "lon": 30.3086}}"""))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
