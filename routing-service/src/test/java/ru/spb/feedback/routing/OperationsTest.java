package ru.spb.feedback.routing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.OpenApiLint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** What operators rely on: the API description, health groups and metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void documentsEveryEndpoint() {
        String openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("\"/api/v1/municipalities\"", "\"/api/v1/municipalities/{code}\"", "\"/api/v1/municipalities/at\"",
                "\"/api/v1/districts\"", "\"/api/v1/organizations\"", "\"/api/v1/routing-rules\"", "\"/api/v1/routing-rules/{id}\"",
                "\"/api/v1/boundaries/{kind}\"", "\"/api/v1/calendar/due-date\"", "\"/api/v1/calendar/years/{year}\"",
                "\"/api/v1/triage\"", "\"/api/v1/triage/{appealId}/assign\"", "\"/api/v1/routing-decisions/{appealId}\"",
                "application/problem+json");
    }

    @Test
    void readinessCoversTheDatabaseOnly() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", not(hasItem("kafka")));
        given().when().get("/q/health/group/kafka").then().statusCode(200).body("checks[0].status", equalTo("UP"));
    }

    /** The consumer's channel and what it is doing show in liveness, so a stopped consumer cannot go unnoticed. */
    @Test
    void livenessShowsTheConsumerChannelAndItsState() {
        String live = given().when().get("/q/health/live").then().statusCode(200).extract().asString();
        assertThat(live).contains("\"consumers\"", "appeal-events");
        String ready = given().when().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).doesNotContain("appeal-events");
    }

    /**
     * The document says what the service does: Spectral with the OWASP API ruleset, under the project's ruleset
     * (test-support openapi-lint/ruleset.yaml), finds no error in it.
     */
    @Test
    void apiDocumentKeepsTheContract() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiLint.assertNoErrors(document, "routing-service");
    }
}
