package ru.spb.feedback.local;

import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
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
        try (PostgresServer postgres = Postgres.findOrStart(); InJvmKafka kafka = InJvmKafka.start();
             PlatformProcesses platform = new PlatformProcesses(postgres, kafka.bootstrapServers())) {
            kafka.stopBroker();
            Set<String> accepted = new HashSet<>();
            ServiceProcess first = platform.start("appeals-service", DATABASE, Map.of());
            String token = TestTokens.citizen("restart-citizen", "r@example.org", "Раиса");
            for (int i = 0; i < 3; i++) {
                accepted.add(submit(first.baseUrl(), token));
            }
            first.close();
            assertThat(accepted).hasSize(3);

            kafka.startBroker();
            try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.APPEAL_EVENTS)) {
                platform.restart(first);
                reader.await(record -> accepted.contains(record.key()), 3, Duration.ofSeconds(60));
                assertThat(reader.seen().stream().filter(record -> accepted.contains(record.key()))).hasSize(3);
            }
        }
    }

    private static String submit(String baseUrl, String token) throws Exception {
        HttpResponse<String> response = PlatformProcesses.call("POST", baseUrl + "/api/v1/appeals", token, """
                {"categoryCode": "255", "description": "Блоки во дворе мешают проезду", "location": {"lat": 59.9375, "lon": 30.3086}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
