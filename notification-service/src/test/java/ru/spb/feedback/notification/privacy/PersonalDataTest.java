package ru.spb.feedback.notification.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealAuthorErased;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.WebhookReceiver;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;
import static ru.spb.feedback.notification.support.Api.tokenOf;

/**
 * Personal data leave notification-service: after the retention period of a finished appeal
 * (the job), and at once when the author deletes their account ({@code AppealAuthorErased}).
 */
@QuarkusTest
class PersonalDataTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANSWER = "Блоки убраны, проезд свободен";
    private static final String ADDRESS = "Адмиралтейский пр., 1";
    // listed in notification.webhooks.contact-data-owners of the test profile
    private static final String INTEGRATOR = "integrator-entitled";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAppealFinishedLongerAgoThanTheRetentionPeriodLosesItsPersonalData() {
        Db db = new Db(dataSource);
        String oldCitizen = newCitizenId();
        String recentCitizen = newCitizenId();
        Appeal old = Appeal.of(oldCitizen);
        Appeal recent = Appeal.of(recentCitizen);
        Instant longAgo = Instant.now().minus(400, ChronoUnit.DAYS); // notification.retention.after-finished: P365D
        List<UUID> events = publishAll(
                AppealEvents.registered(old, emailOf(oldCitizen), "Анна Смирнова"),
                AppealEvents.routed(old, LocalDate.of(2026, 12, 15)),
                AppealEvents.of(old, new AppealAnswered("org-1", AppealEvents.ADMINISTRATION_NAME, ANSWER, List.of())),
                AppealEvents.at(old, new AppealClosed(AppealClosed.Resolution.SATISFIED, 5), longAgo),
                AppealEvents.registered(recent, emailOf(recentCitizen), "Пётр Иванов"),
                AppealEvents.of(recent, new AppealAnswered("org-1", AppealEvents.ADMINISTRATION_NAME, ANSWER, List.of())),
                AppealEvents.of(recent, new AppealClosed(AppealClosed.Resolution.SATISFIED, 5)));
        awaitProcessed(db, events);

        // the retention job (every notification.retention.interval) purges the old appeal
        await().atMost(WAIT).until(() -> db.count("select count(*) from tracked_appeal where appeal_id = ? "
                + "and personal_data_purged_at is not null", old.id()) == 1);
        assertThat(db.rows("select message from notification where appeal_id = ?", old.id())).hasSize(4)
                .allSatisfy(row -> assertThat((String) row.get("message"))
                        .isEqualTo("Текст уведомления удалён: истёк срок хранения.")
                        .doesNotContain(ANSWER, ADDRESS, "Анна"));
        assertThat(db.rows("select address from tracked_appeal where appeal_id = ?", old.id()).get(0).get("address")).isNull();
        // no other appeal of the citizen needs the contact any more
        assertThat(db.count("select count(*) from recipient where citizen_id = ?", oldCitizen)).isZero();
        // the inbox entries stay, without the texts
        given().auth().oauth2(tokenOf(oldCitizen)).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(4));

        // an appeal finished only now keeps everything
        assertThat(db.rows("select message from notification where appeal_id = ? and event_type = 'AppealAnswered'", recent.id()))
                .singleElement().satisfies(row -> assertThat((String) row.get("message")).contains(ANSWER));
        assertThat(db.rows("select email from recipient where citizen_id = ?", recentCitizen))
                .singleElement().satisfies(row -> assertThat(row.get("email")).isEqualTo(emailOf(recentCitizen)));
        assertThat(db.count("select count(*) from tracked_appeal where appeal_id = ? and personal_data_purged_at is null",
                recent.id())).isEqualTo(1);
    }

    @Test
    void theContactAndTheTextsOfAnAuthorWhoDeletedTheirAccountAreForgotten() {
        Db db = new Db(dataSource);
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String token = TestTokens.integrator(INTEGRATOR);
            String subscription = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("AppealAnswered")))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            try {
                String citizen = newCitizenId();
                String supporter = newCitizenId();
                Appeal appeal = Appeal.of(citizen);
                awaitProcessed(db, publishAll(
                        AppealEvents.registeredThroughOpen311(appeal, INTEGRATOR, emailOf(citizen), "Анна Смирнова"),
                        AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)),
                        AppealEvents.of(appeal, new ru.spb.feedback.contracts.AppealSupported(supporter, 1)),
                        AppealEvents.of(appeal, new AppealAnswered("org-1", AppealEvents.ADMINISTRATION_NAME, ANSWER, List.of()))));
                await().atMost(WAIT).until(() -> receiver.received().size() == 1);
                assertThat(receiver.received().get(0).bodyText()).contains(emailOf(citizen), ANSWER);

                awaitProcessed(db, publishAll(AppealEvents.of(appeal, new AppealAuthorErased(Instant.now()))));

                assertThat(db.count("select count(*) from recipient where citizen_id = ?", citizen)).isZero();
                assertThat(db.count("select count(*) from notification where citizen_id = ?", citizen)).isZero();
                assertThat(db.count("select count(*) from delivery where citizen_id = ?", citizen)).isZero();
                assertThat(db.rows("select citizen_id, address from tracked_appeal where appeal_id = ?", appeal.id()))
                        .singleElement().satisfies(row -> assertThat(row.values()).containsOnlyNulls());
                // the author's inbox entries stay, nobody's and without the texts
                assertThat(db.rows("select message from notification where appeal_id = ? and citizen_id is null", appeal.id()))
                        .hasSize(3).allSatisfy(row -> assertThat(row.get("message"))
                                .isEqualTo("Текст уведомления удалён: автор обращения удалил учётную запись."));
                given().auth().oauth2(tokenOf(citizen)).when().get("/api/v1/notifications").then().statusCode(200)
                        .body("items", empty());
                // a supporter's notification never quoted the author: it stays as it was
                assertThat(db.rows("select message from notification where appeal_id = ? and citizen_id = ?", appeal.id(), supporter))
                        .singleElement().satisfies(row -> assertThat((String) row.get("message")).doesNotContain("удалён"));

                // a redelivery of the stored webhook body carries neither the contact nor the texts
                String delivery = given().auth().oauth2(token).when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                        .then().statusCode(200).extract().path("items[0].id");
                given().auth().oauth2(token).when().post("/api/v1/webhooks/" + subscription + "/deliveries/" + delivery + "/redeliver")
                        .then().statusCode(202);
                await().atMost(WAIT).until(() -> receiver.received().size() == 2);
                String again = receiver.received().get(1).bodyText();
                assertThat(again).doesNotContain(emailOf(citizen), "Анна", ANSWER, "contact");
                assertThat(JsonPath.from(again).getString("notification.message"))
                        .isEqualTo("Текст уведомления удалён: автор обращения удалил учётную запись.");
            } finally {
                given().auth().oauth2(token).when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
            }
        }
    }

    private static List<UUID> publishAll(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            AppealEvents.publish(envelope);
        }
        return java.util.Arrays.stream(envelopes).map(EventEnvelope::eventId).toList();
    }

    private static void awaitProcessed(Db db, List<UUID> events) {
        await().atMost(WAIT).until(() -> events.stream().allMatch(event -> db.count(
                "select count(*) from processed_event where consumer = 'notification-service' and event_id = ?", event) == 1));
    }
}
