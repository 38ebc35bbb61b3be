package ru.spb.feedback.appeals.appeal;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.TestInfrastructure;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.DedicatedKafkaResource;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.PostgresTestResource;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/**
 * Intake stays up while Kafka is down, and everything accepted in the meantime is published, once
 * and in order, when the broker is back. Uses a broker of its own, since it stops it.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.OwnBroker.class)
class KafkaOutageTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(PostgresTestResource.class, Map.of("database", TestInfrastructure.DATABASE)),
                    new TestResourceEntry(DedicatedKafkaResource.class));
        }
    }

    @DedicatedKafkaResource.Broker
    InJvmKafka broker;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void appealsAcceptedDuringAnOutageArePublishedOnceAndInOrderWhenKafkaIsBack() {
        String token = newCitizen();
        String beforeOutage = submit(token, validBody()).statusCode(201).extract().path("id");
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            reader.await(record -> beforeOutage.equals(record.key()), 1, Duration.ofSeconds(20));
        }

        broker.stopBroker();
        List<String> duringOutage = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                duringOutage.add(submit(token, validBody()).statusCode(201).extract().path("id"));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
            given().when().get("/q/health/group/kafka").then().statusCode(503).body("status", equalTo("DOWN"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backlogRows()).isGreaterThanOrEqualTo(5.0));
        } finally {
            broker.startBroker();
        }

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            Set<String> expected = Set.copyOf(duringOutage);
            reader.await(record -> expected.contains(record.key()), duringOutage.size(), Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backlogRows()).isZero());

            List<ConsumerRecord<String, byte[]>> published = reader.seen().stream()
                    .filter(record -> expected.contains(record.key())).toList();
            assertThat(published).hasSize(duringOutage.size());
            Set<String> eventIds = published.stream().map(record -> EventCodec.decode(record.value()).eventId().toString())
                    .collect(Collectors.toSet());
            assertThat(eventIds).hasSize(duringOutage.size());
            // the relay keeps the outbox order within each partition (and so for each appeal)
            Map<Integer, List<String>> numbersByPartition = published.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::partition,
                    Collectors.mapping(record -> EventCodec.decode(record.value()).appealNumber(), Collectors.toList())));
            numbersByPartition.values().forEach(numbers -> assertThat(numbers).isSorted());
        }
        given().when().get("/q/health/group/kafka").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static double backlogRows() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("outbox_backlog_rows{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no outbox_backlog_rows metric"));
    }
}
