package ru.spb.feedback.appeals.appeal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.TestInfrastructure;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.DedicatedKafkaResource;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.PostgresTestResource;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ru.spb.feedback.appeals.appeal.AppealFixtures.routedToAdmiralteysky;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/**
 * Intake stays up while Kafka is down, and everything accepted in the meantime is published when
 * the broker is back, each appeal's events in the order they were written. Uses a broker of its own, since it stops it.
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

    @Inject
    AppealRouting routing;

    @Test
    void appealsAcceptedDuringAnOutageAreAllPublishedInOrderWhenKafkaIsBack() {
        String token = newCitizen();
        String beforeOutage = submit(token, validBody()).statusCode(201).extract().path("id");
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            reader.await(record -> beforeOutage.equals(record.key()), 1, Duration.ofSeconds(20));
        }

        broker.stopBroker();
        List<String> duringOutage = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String id = submit(token, validBody()).statusCode(201).extract().path("id");
                duringOutage.add(id);
                // a second event of the same appeal, as if its routing decision arrived: it must follow the first
                EventEnvelope decided = routedToAdmiralteysky(id, Instant.now().plus(java.time.Duration.ofDays(9)));
                QuarkusTransaction.requiringNew().run(() -> routing.routed(decided, decided.payloadAs(RoutingDecided.class)));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
            given().when().get("/q/health/group/kafka").then().statusCode(503).body("status", equalTo("DOWN"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backlogRows()).isGreaterThanOrEqualTo(5.0));
        } finally {
            broker.startBroker();
        }

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            Set<String> expected = Set.copyOf(duringOutage);
            reader.await(record -> expected.contains(record.key()), 2 * duringOutage.size(), Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backlogRows()).isZero());

            List<ConsumerRecord<String, byte[]>> published = reader.seen().stream()
                    .filter(record -> expected.contains(record.key())).toList();
            // a record whose acknowledgement was lost in the outage may have been sent again by a
            // later pass: it is the same event (same id), which consumers drop. Per appeal, the
            // events arrive in the order they were written.
            Map<String, List<String>> typesByAppeal = new HashMap<>();
            Set<String> seenEvents = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : published) {
                EventEnvelope event = EventCodec.decode(record.value());
                if (seenEvents.add(event.eventId().toString())) {
                    typesByAppeal.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event.eventType());
                }
            }
            assertThat(typesByAppeal).hasSize(duringOutage.size());
            assertThat(typesByAppeal.values()).allSatisfy(types ->
                    assertThat(types).containsExactly("AppealRegistered", "AppealRouted"));
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
