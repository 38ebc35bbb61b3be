package ru.spb.feedback.appeals.operations;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.DedicatedKafkaResource;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** With the broker down the dead-letter endpoints answer 503 problems, and work again when it is back. */
@QuarkusTest
@TestProfile(OwnBrokerShortThresholds.class)
class DeadLetterKafkaOutageTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @DedicatedKafkaResource.Broker
    InJvmKafka broker;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void answers503WhileKafkaIsDown() {
        String topic = Topics.deadLetter("outage-" + UUID.randomUUID());
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.sendRaw(topic, "k", "x".getBytes(StandardCharsets.UTF_8));
        }
        String admin = TestTokens.admin("admin-" + UUID.randomUUID());
        String messages = DEAD_LETTERS + "/" + topic + "/messages";
        int partition = given().auth().oauth2(admin).when().get(messages).then().statusCode(200).extract().path("messages[0].partition");

        broker.stopBroker();
        try {
            for (var call : List.of(
                    given().auth().oauth2(admin).when().get(DEAD_LETTERS),
                    given().auth().oauth2(admin).when().get(messages),
                    given().auth().oauth2(admin).when().post(messages + "/" + partition + "/0/replay"))) {
                call.then().statusCode(503)
                        .contentType(startsWith("application/problem+json"))
                        .body("type", equalTo("urn:spb-feedback:problem:kafka-unavailable"));
            }
        } finally {
            broker.startBroker();
        }
        // back to normal once the broker is: the record is listed, not marked replayed, and judged on its own merits
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(admin).when().get(messages).then().statusCode(200)
                        .body("messages[0].replayed", equalTo(false)));
        given().auth().oauth2(admin).when().post(messages + "/" + partition + "/0/replay").then().statusCode(422);
    }
}
