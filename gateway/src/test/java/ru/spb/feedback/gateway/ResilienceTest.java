package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ResilienceTest {

    private static final Upstream FLAKY = new Upstream("flaky");

    private final String citizen = "Bearer " + SignedTokens.citizen("citizen-" + UUID.randomUUID());

    @Test
    void answers504WhenTheServiceIsTooSlow() {
        long started = System.nanoTime();
        given().header("Authorization", citizen).get("/api/v1/test-slow/report")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:upstream-timeout"))
                .body("detail", containsString("slow"));
        // the slow service answers only after SLOW_MILLIS; the gateway did not wait for it
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(TestUpstreams.SLOW_MILLIS));
    }

    @Test
    void answers503WhenTheServiceResetsTheConnectionBeforeAnswering() {
        given().header("Authorization", citizen).get("/api/v1/test-reset/report")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:upstream-unavailable"))
                .body("detail", containsString("reset"));
        given().header("Authorization", citizen).contentType("application/json").body("{\"text\":\"x\"}")
                .post("/api/v1/test-reset/report")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:upstream-unavailable"));
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndClosesItOnceTheServiceAnswers() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", citizen).get("/api/v1/test-flaky/slow").then().statusCode(504);
        }
        String tried = "/api/v1/test-flaky/fast?n=" + UUID.randomUUID();
        given().header("Authorization", citizen).get(tried)
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:upstream-unavailable"));
        assertThat(FLAKY.seen()).doesNotContain(tried);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_upstream_circuit_open{upstream=\"flaky\"} 1.0"));

        // after open-for, one trial goes through; it succeeds and the circuit closes
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().header("Authorization", citizen).get("/api/v1/test-flaky/fast").then().statusCode(200));
        given().header("Authorization", citizen).get("/api/v1/test-flaky/fast").then().statusCode(200);
    }

    @Test
    void showsAServiceDownInTheUpstreamsGroupWhileTheGatewayStaysReady() {
        given().get("/q/health/group/upstreams")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.down", startsWith("DOWN"))
                .body("checks[0].data.appeals", equalTo("UP"))
                .body("checks[0].data.routing", equalTo("UP"))
                .body("checks[0].data.notification", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void countsRequestsPerServiceAndOutcome() {
        given().header("Authorization", citizen).get("/api/v1/test-down/x").then().statusCode(503);
        given().header("Authorization", citizen).get("/api/v1/appeals").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("gateway_upstream_requests_total\\{outcome=\"refused\",upstream=\"down\"} [1-9]")
                .containsPattern("gateway_upstream_requests_total\\{outcome=\"ok\",upstream=\"appeals\"} [1-9]");
    }
}
