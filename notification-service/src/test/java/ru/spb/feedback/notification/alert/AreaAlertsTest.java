package ru.spb.feedback.notification.alert;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static ru.spb.feedback.notification.alert.AreaAlertFixtures.*;

/**
 * Area alerts end to end: subscriptions over HTTP, real events on {@code appeal.events}, real
 * e-mails caught by a real SMTP server. Each test has its own place (far from each other and from
 * the other suites' appeals) and its own addresses, so suites sharing the topic do not cross.
 */
@QuarkusTest
class AreaAlertsTest {

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyTheConfirmationIsSentUntilItsLinkIsUsedThenOneAlertPerAppealInsideTheCircle() throws Exception {
        String email = newAddress();
        String municipality = newMunicipalityCode();
        Db db = new Db(dataSource);
        subscribe(circle(email, 60.10, 29.80, 500, List.of("NEW"))).statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("CONFIRMATION_SENT"));

        MimeMessage confirmation = smtp.await(email, 1, WAIT).get(0);
        assertThat(SmtpServer.subject(confirmation)).isEqualTo("Подтвердите подписку на обращения рядом");
        String text = SmtpServer.text(confirmation);
        assertThat(text).contains(BASE + "/#/alerts/confirm?token=");
        assertThat(SmtpServer.html(confirmation)).contains(BASE + "/#/alerts/confirm?token=");
        String token = token(text);
        assertThat(token).hasSize(43); // 32 random bytes, base64url without padding
        // only the token's hash is stored
        assertThat(db.count("select count(*) from area_alert_token where token_hash = ?", token)).isZero();
        assertThat(db.count("select count(*) from area_alert_token where token_hash = ?", sha256(token))).isEqualTo(1);

        // routed inside the circle before the subscription is confirmed: nothing
        Appeal early = registered(60.1027, 29.80);
        awaitProcessed(db, routed(early, municipality, "Муниципальный округ Тестовый"));
        assertStays(smtp, email, 1);

        JsonPath confirmed = confirm(token).statusCode(200).contentType(ContentType.JSON)
                .body("area.lat", equalTo(60.10f)).body("area.lon", equalTo(29.80f))
                .body("area.radiusMeters", equalTo(500)).body("area.municipalityCode", nullValue())
                .body("events", equalTo(List.of("NEW"))).body("email", nullValue())
                .extract().jsonPath();
        assertThat(confirmed.getString("id")).isNotBlank();
        assertThat(confirmed.getString("confirmedAt")).isNotBlank();
        // the same link again: the same answer
        confirm(token).statusCode(200).body("id", equalTo(confirmed.getString("id")))
                .body("confirmedAt", equalTo(confirmed.getString("confirmedAt")));

        // about 300 m from the centre: one alert
        Appeal inside = registered(60.1027, 29.80);
        EventEnvelope routedInside = routed(inside, municipality, "Муниципальный округ Тестовый");
        List<MimeMessage> mails = smtp.await(email, 2, WAIT);
        MimeMessage alert = mails.stream().filter(m -> !SmtpServer.subject(m).startsWith("Подтвердите")).findFirst().orElseThrow();
        assertThat(SmtpServer.subject(alert)).isEqualTo("Новое обращение рядом: " + PROBLEM_TYPE);
        for (String body : List.of(SmtpServer.text(alert), SmtpServer.html(alert))) {
            assertThat(body).contains(inside.number(), PROBLEM_TYPE, "Муниципальный округ Тестовый", STREET,
                            "Направлено исполнителю", BASE + "/#/public?appeal=" + inside.number(),
                            BASE + "/#/alerts/unsubscribe?token=")
                    // nothing of the author and nothing the public view does not show
                    .doesNotContain(DESCRIPTION, CITIZEN_NAME, inside.citizenId(), "д. 5", ADDRESS, email);
        }
        String unsubscribeToken = token(SmtpServer.text(alert).substring(SmtpServer.text(alert).indexOf("/#/alerts/unsubscribe")));
        assertThat(header(alert, "List-Unsubscribe"))
                .isEqualTo("<" + BASE + "/api/v1/area-alerts/unsubscribe?token=" + unsubscribeToken + ">");
        assertThat(header(alert, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // about 800 m away: outside the circle, nothing
        Appeal outside = registered(60.1072, 29.80);
        awaitProcessed(db, routed(outside, municipality, "Муниципальный округ Тестовый"));
        // routed again (a declined appeal goes back to routing): still the one alert
        awaitProcessed(db, routed(inside, municipality, "Муниципальный округ Тестовый"));
        awaitProcessed(db, routedInside);
        assertStays(smtp, email, 2);
        assertThat(db.count("select count(*) from area_alert_match where appeal_id = ?", inside.id())).isEqualTo(1);
    }

    @Test
    void aMunicipalitySubscriptionOfAnsweredAppealsHearsOfAnswersThereOnly() {
        String email = newAddress();
        String municipality = newMunicipalityCode();
        String elsewhere = newMunicipalityCode();
        Db db = new Db(dataSource);
        String id = subscribeAndConfirm(smtp, municipality(email, municipality, List.of("ANSWERED")));
        assertThat(db.rows("select municipality_code, lat, radius_meters from area_alert where id = ?::uuid", id).get(0))
                .containsEntry("municipality_code", municipality).containsEntry("lat", null);

        // any point in the city: the municipality decides
        Appeal there = registered(60.20, 30.60);
        awaitProcessed(db, routed(there, municipality, "Муниципальный округ Северный"));
        Appeal notThere = registered(60.20, 30.60);
        awaitProcessed(db, routed(notThere, elsewhere, "Муниципальный округ Южный"));
        awaitProcessed(db, answered(notThere, elsewhere, "Блоки убраны, проезд свободен."));
        // routed is NEW, which this subscription did not ask for
        assertStays(smtp, email, 1);

        answered(there, municipality, "Блоки убраны, проезд свободен.");
        MimeMessage alert = smtp.await(email, 2, WAIT).stream()
                .filter(m -> SmtpServer.subject(m).startsWith("Ответ на обращение рядом")).findFirst().orElseThrow();
        assertThat(SmtpServer.subject(alert)).isEqualTo("Ответ на обращение рядом: " + PROBLEM_TYPE);
        assertThat(SmtpServer.text(alert)).contains(there.number(), "Муниципальный округ Северный", "Дан ответ")
                .doesNotContain("Блоки убраны", DESCRIPTION, CITIZEN_NAME);
        assertStays(smtp, email, 2);
    }

    @Test
    void appealsOfPrivateProblemTypesAndOfficialAppealsAreNeverAnnounced() {
        String email = newAddress();
        String municipality = newMunicipalityCode();
        Db db = new Db(dataSource);
        subscribeAndConfirm(smtp, circle(email, 60.15, 30.20, 1000, List.of("NEW", "ANSWERED")));

        Appeal privateType = registered(60.151, 30.20, false, false);
        Appeal unknownType = registered(60.151, 30.20, false, null);
        Appeal official = registered(60.151, 30.20, true, true);
        for (Appeal appeal : List.of(privateType, unknownType, official)) {
            awaitProcessed(db, routed(appeal, municipality, "Муниципальный округ Тестовый"));
            awaitProcessed(db, answered(appeal, municipality, "Ответ"));
        }
        assertStays(smtp, email, 1);

        // the subscription itself works: a public appeal there is announced, routed and answered
        Appeal shown = registered(60.151, 30.20);
        routed(shown, municipality, "Муниципальный округ Тестовый");
        answered(shown, municipality, "Ответ");
        smtp.await(email, 3, WAIT);
        assertStays(smtp, email, 3);
    }

    @Test
    void unsubscribingByTheLinkOrByOneClickStopsTheAlertsAndErasesTheAddress() {
        String byLink = newAddress();
        String byOneClick = newAddress();
        String municipality = newMunicipalityCode();
        Db db = new Db(dataSource);
        String linkId = subscribeAndConfirm(smtp, circle(byLink, 60.05, 30.50, 500, List.of("NEW")));
        String oneClickId = subscribeAndConfirm(smtp, circle(byOneClick, 60.05, 30.50, 500, List.of("NEW")));

        routed(registered(60.0501, 30.50), municipality, "Муниципальный округ Тестовый");
        MimeMessage first = smtp.await(byLink, 2, WAIT).get(1);
        MimeMessage second = smtp.await(byOneClick, 2, WAIT).get(1);
        String linkToken = token(header(first, "List-Unsubscribe"));
        String oneClickToken = token(header(second, "List-Unsubscribe"));

        JsonPath unsubscribed = given().contentType(ContentType.JSON).body(Map.of("token", linkToken))
                .when().post("/api/v1/area-alerts/unsubscribe")
                .then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo(linkId)).extract().jsonPath();
        assertThat(unsubscribed.getString("unsubscribedAt")).isNotBlank();
        given().contentType(ContentType.JSON).body(Map.of("token", linkToken)).when().post("/api/v1/area-alerts/unsubscribe")
                .then().statusCode(200).body("id", equalTo(linkId)).body("unsubscribedAt", equalTo(unsubscribed.getString("unsubscribedAt")));

        // RFC 8058: what a mail program POSTs to the List-Unsubscribe URL
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/area-alerts/unsubscribe?token=" + oneClickToken)
                .then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo(oneClickId))
                .body("unsubscribedAt", org.hamcrest.Matchers.notNullValue());

        // again, as multipart/form-data (the other encoding RFC 8058 allows): the same answer
        given().multiPart("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/area-alerts/unsubscribe?token=" + oneClickToken)
                .then().statusCode(200).body("id", equalTo(oneClickId));

        // the address is erased at once
        assertThat(db.rows("select email, email_hash, email_erased_at from area_alert where id in (?::uuid, ?::uuid)", linkId, oneClickId))
                .hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("email", null).containsEntry("email_hash", null)
                        .doesNotContainEntry("email_erased_at", null));

        awaitProcessed(db, routed(registered(60.0501, 30.50), municipality, "Муниципальный округ Тестовый"));
        assertStays(smtp, byLink, 2);
        assertThat(smtp.messagesTo(byOneClick)).hasSize(2);
        // an unsubscribed subscription cannot be brought back with its old confirmation link
        confirm(token(SmtpServer.text(smtp.messagesTo(byLink).get(0)))).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAnswerIsTheSameForEveryRequestAndAnAddressGetsAtMostFiveConfirmationsADay() throws Exception {
        String email = newAddress();
        Db db = new Db(dataSource);
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // the message and its parameters, however it is formatted
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            subscribeSevenTimes(email);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        // the cap is logged, the address never
        assertThat(logged).anyMatch(line -> line.contains("unconfirmed area alerts"));
        assertThat(logged).noneMatch(line -> line.toLowerCase().contains(email.toLowerCase()));
        smtp.await(email, 5, WAIT);
        assertStays(smtp, email, 5);
        assertThat(db.count("select count(*) from area_alert where email_hash = ?", sha256(email.toLowerCase()))).isEqualTo(5);
    }

    private static void subscribeSevenTimes(String email) {
        for (int i = 0; i < 7; i++) {
            // the same answer whether the address is new, subscribed already, or over its cap
            String body = subscribe(circle(i % 2 == 0 ? email : email.toUpperCase(), 59.70, 29.50, 100 + i, List.of("NEW")))
                    .statusCode(202).extract().asString();
            assertThat(body).isEqualTo("{\"status\":\"CONFIRMATION_SENT\"}");
        }
    }

    @Test
    void anExpiredConfirmationLinkIsNotFoundAndConfirmsNothing() throws Exception {
        String email = newAddress();
        Db db = new Db(dataSource);
        subscribe(municipality(email, newMunicipalityCode(), List.of("NEW"))).statusCode(202);
        String token = token(SmtpServer.text(smtp.await(email, 1, WAIT).get(0)));
        db.update("update area_alert_token set expires_at = now() - interval '1 second' where token_hash = ?", sha256(token));

        confirm(token).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:area-alert-token-unknown"));
        assertThat(db.count("select count(*) from area_alert where email = ? and confirmed_at is null", email)).isEqualTo(1);
    }

    @Test
    void theAddressOfASubscriptionNeverConfirmedIsErasedOnceItCanNoLongerBe() throws Exception {
        String email = newAddress();
        Db db = new Db(dataSource);
        subscribe(municipality(email, newMunicipalityCode(), List.of("NEW"))).statusCode(202);
        smtp.await(email, 1, WAIT);
        // past the 72-h link and the day of e-mail retries
        db.update("update area_alert set created_at = now() - interval '97 hours' where email = ?", email);

        await().atMost(WAIT).until(() -> db.count("select count(*) from area_alert where email = ?", email) == 0);
        assertThat(db.count("select count(*) from area_alert where email_hash = ?", sha256(email.toLowerCase()))).isZero();
    }
}
