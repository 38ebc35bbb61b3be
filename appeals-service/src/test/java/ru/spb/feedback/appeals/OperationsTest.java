package ru.spb.feedback.appeals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.OpenApiLint;
import ru.spb.feedback.appeals.appeal.AppealFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** What operators rely on: the API description, health groups and metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void documentsEveryEndpointWithExamples() {
        String openapi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertThat(openapi)
                .contains("\"/api/v1/appeals\"", "\"/api/v1/appeals/{id}\"", "\"/api/v1/appeals/{id}/history\"",
                        "\"/api/v1/categories\"", "\"/api/v1/categories/{code}\"", "\"/api/v1/admin/dead-letters\"",
                        "\"/api/v1/admin/dead-letters/{topic}/messages\"",
                        "\"/api/v1/admin/dead-letters/{topic}/messages/{partition}/{offset}/replay\"")
                .contains("Idempotency-Key", "application/problem+json", "SPB-2026-000123", "\"bearerFormat\"");
    }

    @Test
    void readinessCoversTheDatabaseOnly() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", not(hasItem("kafka")));
        given().when().get("/q/health/group/kafka")
                .then().statusCode(200)
                .body("checks[0].name", equalTo("kafka"))
                .body("checks[0].status", equalTo("UP"));
    }

    @Test
    void countsRegisteredAppealsAndShowsTheOutboxBacklog() {
        double before = metric("appeals_registered_total{channel=\"API\"");
        AppealFixtures.submit(AppealFixtures.newCitizen(), AppealFixtures.validBody()).statusCode(201);

        assertThat(metric("appeals_registered_total{channel=\"API\"")).isEqualTo(before + 1);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("outbox_backlog_rows{", "outbox_backlog_oldest_age_seconds{", "kafka_reachable{",
                "outbox_published_total{");
    }

    @Test
    void anAppealWaitingLessThanTheThresholdIsNotStuck() {
        AppealFixtures.submit(AppealFixtures.newCitizen(), AppealFixtures.validBody()).statusCode(201);

        // the test profile's threshold is hours: the appeal waits (its age shows) but is not stuck
        await().atMost(Duration.ofSeconds(40))
                .until(() -> metric("appeals_oldest_registered_age_seconds") > 0);
        assertThat(metric("appeals_stuck_registered")).isZero();
        given().when().get("/q/health/group/alerts")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("stuck-registered-appeals"))
                .body("checks[0].data.stuck", equalTo(0));
        given().when().get("/q/health/ready").then().body("checks.name", not(hasItem("stuck-registered-appeals")));
        given().when().get("/q/health/live").then().body("checks.name", not(hasItem("stuck-registered-appeals")));
    }

    /** The alerting rules name this service's metrics as it exports them (a rename breaks here, not in production). */
    @Test
    void alertRulesNameExportedMetrics() throws IOException {
        String rules = Files.readString(Path.of("../ops/prometheus/alerts.yml"));
        java.util.Set<String> named = Pattern.compile("\\bappeals_[a-z_]+").matcher(rules).results()
                .map(java.util.regex.MatchResult::group).collect(Collectors.toSet());
        assertThat(named).contains("appeals_stuck_registered", "appeals_oldest_registered_age_seconds");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : named) {
            assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[ {]");
        }
    }

    private static double metric(String prefix) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /**
     * The document says what the service does: Spectral with the OWASP API ruleset, under the project's ruleset
     * (test-support openapi-lint/ruleset.yaml), finds no error in it.
     */
    @Test
    void apiDocumentKeepsTheContract() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiLint.assertNoErrors(document, "appeals-service");
    }
}
