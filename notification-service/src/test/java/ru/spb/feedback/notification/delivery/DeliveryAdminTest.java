package ru.spb.feedback.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;
import ru.spb.feedback.notification.support.WebhookReceiver;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static ru.spb.feedback.notification.support.Api.PROBLEM;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * Admins list given-up deliveries (without contact data) and send them again, one or all of a
 * channel; everybody else is refused, and every mistake is a problem.
 */
@QuarkusTest
class DeliveryAdminTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = TestTokens.admin("admin-" + UUID.randomUUID());

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailedEmailIsListedWithoutContactDataAndSentAgainOnRetry() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        Db db = new Db(dataSource);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));
        smtp.await(emailOf(citizen), 1, WAIT);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(emailStatus(db, appeal)));
        // as if it had been given up after the whole retry window
        UUID id = (UUID) db.rows("select id from delivery where appeal_id = ? and channel = 'EMAIL'", appeal.id()).get(0).get("id");
        db.update("update delivery set status = 'FAILED', delivered_at = null, next_attempt_at = null, "
                + "last_error = 'SMTP down for a day' where id = ?", id);

        String listed = given().auth().oauth2(ADMIN).when().get("/api/v1/admin/deliveries?status=FAILED&channel=email&size=100")
                .then().statusCode(200).extract().asString();
        JsonPath page = JsonPath.from(listed);
        assertThat(page.getList("items.id")).contains(id.toString());
        assertThat(page.getList("items.status")).containsOnly("FAILED");
        assertThat(page.getList("items.channel")).containsOnly("EMAIL");
        assertThat(listed).doesNotContain(emailOf(citizen), "Анна", "Смирнова", "Адмиралтейский пр.", citizen);

        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/deliveries/" + id + "/retry")
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("attemptsAllowed", greaterThanOrEqualTo(2));
        smtp.await(emailOf(citizen), 2, WAIT);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(emailStatus(db, appeal)));
        assertThat(smtp.messagesTo(emailOf(citizen))).hasSize(2);

        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/deliveries/" + id + "/retry")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:delivery-not-failed"));
    }

    @Test
    void aBulkRetrySendsEveryFailedWebhookCallAgain() {
        String integrator = TestTokens.integrator("integrator-" + UUID.randomUUID());
        Db db = new Db(dataSource);
        try (WebhookReceiver receiver = WebhookReceiver.alwaysFailing()) {
            UUID subscription = UUID.fromString(given().auth().oauth2(integrator).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("AppealRegistered")))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
            AppealEvents.publish(AppealEvents.registered(Appeal.of(newCitizenId()), null, null));
            await().atMost(WAIT).until(() -> db.count(
                    "select count(*) from delivery where subscription_id = ? and status = 'FAILED'", subscription) == 1);
            receiver.recover();

            int retried = given().auth().oauth2(ADMIN).when().post("/api/v1/admin/deliveries/retry?channel=WEBHOOK")
                    .then().statusCode(202).extract().path("retried");
            assertThat(retried).isGreaterThanOrEqualTo(1);
            await().atMost(WAIT).until(() -> db.count(
                    "select count(*) from delivery where subscription_id = ? and status = 'DELIVERED'", subscription) == 1);
            assertThat(receiver.received()).hasSize(5); // 4 failed attempts, then the one after the retry
            given().auth().oauth2(integrator).when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        }
    }

    @Test
    void mistakesAreProblems() {
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:not-found"));
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/deliveries/not-a-uuid/retry")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/deliveries?status=LOST")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/deliveries?channel=IN_APP")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("channel"));
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/deliveries/retry?channel=PIGEON")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("channel"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/deliveries?size=0")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void onlyAdminsMayLookOrRetry() {
        String delivery = "/api/v1/admin/deliveries/" + UUID.randomUUID() + "/retry";
        for (String token : List.of(TestTokens.citizen("citizen-" + UUID.randomUUID()),
                TestTokens.integrator("integrator-" + UUID.randomUUID()), TestTokens.moderator("moderator-" + UUID.randomUUID()))) {
            given().auth().oauth2(token).when().get("/api/v1/admin/deliveries").then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).when().post(delivery).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).when().post("/api/v1/admin/deliveries/retry").then().statusCode(403).contentType(PROBLEM);
        }
        given().when().get("/api/v1/admin/deliveries").then().statusCode(401).contentType(PROBLEM);
        given().when().post(delivery).then().statusCode(401).contentType(PROBLEM);
        given().when().post("/api/v1/admin/deliveries/retry").then().statusCode(401).contentType(PROBLEM);
    }

    private static String emailStatus(Db db, Appeal appeal) {
        return (String) db.rows("select status from delivery where appeal_id = ? and channel = 'EMAIL'", appeal.id()).get(0).get("status");
    }
}
