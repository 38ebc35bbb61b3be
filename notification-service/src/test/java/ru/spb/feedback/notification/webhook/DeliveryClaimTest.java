package ru.spb.feedback.notification.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.WebhookReceiver;
import ru.spb.feedback.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * Deliveries are claimed under a cluster-wide lock: while another copy holds it, this copy sends
 * nothing; once it is free, the waiting delivery goes out exactly once.
 */
@QuarkusTest
class DeliveryClaimTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noDeliveryIsSentWhileAnotherCopyHoldsTheClaimLock() throws Exception {
        String token = TestTokens.integrator("integrator-" + UUID.randomUUID());
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String subscription = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("AppealRegistered")))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            Db db = new Db(dataSource);
            try (Connection otherCopy = dataSource.getConnection(); Statement statement = otherCopy.createStatement()) {
                statement.execute("select pg_advisory_lock(hashtext('notification-delivery-claim'))");
                AppealEvents.publish(AppealEvents.registered(Appeal.of(newCitizenId()), null, null));
                await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                        "select count(*) from delivery where subscription_id = ?", UUID.fromString(subscription)) == 1);
                Thread.sleep(2000); // several dispatcher rounds
                assertThat(receiver.received()).isEmpty();
                assertThat(db.rows("select status, attempts from delivery where subscription_id = ?", UUID.fromString(subscription)))
                        .containsExactly(Map.of("status", "PENDING", "attempts", 0));
                statement.execute("select pg_advisory_unlock(hashtext('notification-delivery-claim'))");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(db.rows(
                    "select status from delivery where subscription_id = ?", UUID.fromString(subscription)).get(0).get("status")));
            Thread.sleep(1000);
            assertThat(receiver.received()).hasSize(1);
            given().auth().oauth2(token).when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        }
    }
}
