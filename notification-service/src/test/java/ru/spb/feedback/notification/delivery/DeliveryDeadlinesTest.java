package ru.spb.feedback.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SlowReceiver;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;
import ru.spb.feedback.notification.support.WebhookReceiver;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * Receivers that trickle their answer or never give one do not hold up anybody else: other
 * receivers and e-mail keep flowing while they are called, each of their calls ends at the call
 * deadline (PT3S in the test profile) as a failed attempt, and they get every allowed attempt
 * exactly once — a delivery in flight is never claimed and sent again.
 */
@QuarkusTest
class DeliveryDeadlinesTest {

    /** Well under the call deadline: nothing may wait for a slow receiver. */
    private static final Duration FLOWING = Duration.ofMillis(2500);

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeliveryDispatcher dispatcher;

    @Test
    void slowReceiversDelayNobodyAndGetEveryAttemptOnce() throws Exception {
        String token = TestTokens.integrator("integrator-" + UUID.randomUUID());
        Db db = new Db(dataSource);
        try (SlowReceiver trickling = SlowReceiver.trickling(); SlowReceiver silent = SlowReceiver.silent();
             SlowReceiver endless = SlowReceiver.endlessBody(); WebhookReceiver healthy = WebhookReceiver.healthy()) {
            UUID tricklingSubscription = subscribe(token, trickling.url());
            UUID silentSubscription = subscribe(token, silent.url());
            AppealEvents.publish(AppealEvents.registered(Appeal.of(newCitizenId()), null, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> !trickling.webhookIds().isEmpty() && !silent.webhookIds().isEmpty());
            // a second pass (or copy) while both calls are in flight claims neither
            List<UUID> inFlight = db.rows("select id from delivery where subscription_id in (?, ?)", tricklingSubscription,
                    silentSubscription).stream().map(row -> (UUID) row.get("id")).toList();
            assertThat(inFlight).hasSize(2);
            assertThat(dispatcher.claim(Set.of()).stream().map(DeliveryDispatcher.Claim::id)).doesNotContainAnyElementsOf(inFlight);

            // both slow calls are in flight now; a second event goes to everybody
            UUID healthySubscription = subscribe(token, healthy.url());
            UUID endlessSubscription = subscribe(token, endless.url());
            String citizen = newCitizenId();
            AppealEvents.publish(AppealEvents.registered(Appeal.of(citizen), emailOf(citizen), "Анна"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from delivery where subscription_id = ?", healthySubscription) == 1);
            long scheduled = System.nanoTime();
            await().atMost(FLOWING).until(() -> healthy.received().size() == 1);
            smtp.await(emailOf(citizen), 1, FLOWING);
            await().atMost(FLOWING).until(() -> "DELIVERED".equals(status(db, endlessSubscription)));
            assertThat(Duration.ofNanos(System.nanoTime() - scheduled)).isLessThan(FLOWING.multipliedBy(2));
            assertThat(endless.webhookIds()).hasSize(1);

            // each slow delivery fails at the deadline, is retried, and ends FAILED after its 4 attempts
            for (UUID slow : List.of(tricklingSubscription, silentSubscription)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> db.count(
                        "select count(*) from delivery where subscription_id = ? and status = 'FAILED'", slow) == 2);
                for (Map<String, Object> attempt : db.rows("""
                        select a.outcome, a.duration_ms, a.error from delivery_attempt a join delivery d on d.id = a.delivery_id
                        where d.subscription_id = ?""", slow)) {
                    assertThat(attempt.get("outcome")).isEqualTo("FAILED");
                    assertThat((Long) attempt.get("duration_ms")).isBetween(2_900L, 6_000L);
                }
            }
            Thread.sleep(1000);
            for (SlowReceiver receiver : List.of(trickling, silent)) {
                List<String> ids = receiver.webhookIds();
                assertThat(ids).hasSize(8); // two deliveries, 4 attempts each (the test profile)
                assertThat(ids.stream().distinct().map(id -> ids.stream().filter(id::equals).count())).containsOnly(4L);
            }
            for (UUID subscription : List.of(tricklingSubscription, silentSubscription, healthySubscription, endlessSubscription)) {
                given().auth().oauth2(token).when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
            }
        }
    }

    private static UUID subscribe(String token, String url) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("AppealRegistered")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
    }

    private static String status(Db db, UUID subscription) {
        List<Map<String, Object>> rows = db.rows("select status from delivery where subscription_id = ?", subscription);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}
