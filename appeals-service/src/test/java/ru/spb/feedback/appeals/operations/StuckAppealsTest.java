package ru.spb.feedback.appeals.operations;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;

import static ru.spb.feedback.appeals.appeal.AppealFixtures.routedToAdmiralteysky;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/** An appeal nobody routes shows in the gauges and turns the alerts group DOWN, readiness staying UP. */
@QuarkusTest
@TestProfile(OwnBrokerShortThresholds.class)
class StuckAppealsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAppealNeverRoutedIsStuckUntilRouted() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metric("appeals_stuck_registered")).isZero());
        given().when().get("/q/health/group/alerts").then().statusCode(200).body("status", equalTo("UP"));

        String citizen = newCitizen();
        String id = submit(citizen, validBody()).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metric("appeals_stuck_registered")).isEqualTo(1);
            given().when().get("/q/health/group/alerts").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks[0].name", equalTo("stuck-registered-appeals"))
                    .body("checks[0].data.stuck", equalTo(1))
                    .body("checks[0].data.stuckAfter", equalTo("PT1S"));
        });
        assertThat(metric("appeals_oldest_registered_age_seconds")).isGreaterThanOrEqualTo(1);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.ROUTING_EVENTS, routedToAdmiralteysky(id, Instant.now().plus(Duration.ofDays(9))));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(citizen)
                .when().get("/api/v1/appeals/" + id).then().body("status", equalTo("ROUTED")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("appeals_stuck_registered")).isZero();
            assertThat(metric("appeals_oldest_registered_age_seconds")).isZero();
            given().when().get("/q/health/group/alerts").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks[0].data.stuck", equalTo(0));
        });
    }

    private static double metric(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not exported"));
    }

}
