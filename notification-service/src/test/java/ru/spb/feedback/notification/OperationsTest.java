package ru.spb.feedback.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.OpenApiLint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** What operators rely on: health groups, metrics, the API description. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversTheOwnDatabaseOnly() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", not(hasItem("kafka")))
                .body("checks.name", not(hasItem("smtp")));
    }

    @Test
    void kafkaAndSmtpHaveHealthGroupsOfTheirOwn() {
        given().when().get("/q/health/group/kafka")
                .then().statusCode(200).body("checks[0].name", equalTo("kafka")).body("checks[0].status", equalTo("UP"));
        given().when().get("/q/health/group/smtp")
                .then().statusCode(200).body("checks[0].name", equalTo("smtp")).body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.detail", equalTo("greeting received"));
    }

    @Test
    void exposesDeliveryAndDependencyMetrics() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(
                "notification_deliveries_total{channel=\"email\",outcome=\"delivered\"}",
                "notification_deliveries_total{channel=\"webhook\",outcome=\"failed\"}",
                "notification_deliveries_total{channel=\"in_app\",outcome=\"delivered\"}",
                "notification_delivery_backlog{channel=\"email\"}",
                "notification_delivery_backlog{channel=\"webhook\"}",
                "notification_delivery_backlog_oldest_age_seconds{channel=\"webhook\"}",
                "notification_stream_connections",
                "notification_stream_listener_connected 1.0",
                "kafka_reachable{service=\"notification-service\"}",
                "notification_smtp_reachable");
    }

    @Test
    void documentsEveryEndpoint() {
        String openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("\"/api/v1/notifications\"", "\"/api/v1/notifications/unread-count\"",
                "\"/api/v1/notifications/{id}/read\"", "\"/api/v1/notifications/read-all\"", "\"/api/v1/notifications/stream\"",
                "\"/api/v1/notifications/stream-tickets\"", "\"/api/v1/notification-preferences\"", "\"/api/v1/webhooks\"",
                "\"/api/v1/webhooks/{id}\"", "\"/api/v1/webhooks/{id}/deliveries\"",
                "\"/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver\"", "\"/api/v1/admin/deliveries\"",
                "\"/api/v1/admin/deliveries/{id}/retry\"", "\"/api/v1/admin/deliveries/retry\"", "\"/api/v1/area-alerts\"",
                "\"/api/v1/area-alerts/confirm\"", "\"/api/v1/area-alerts/unsubscribe\"", "application/problem+json",
                "text/event-stream");
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        given().when().get("/api/v1/unknown").then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * The document says what the service does: Spectral with the OWASP API ruleset, under the project's ruleset
     * (test-support openapi-lint/ruleset.yaml), finds no error in it.
     */
    @Test
    void apiDocumentKeepsTheContract() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiLint.assertNoErrors(document, "notification-service");
    }
}
