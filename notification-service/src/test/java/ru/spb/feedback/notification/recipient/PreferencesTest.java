package ru.spb.feedback.notification.recipient;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static ru.spb.feedback.notification.support.Api.PROBLEM;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;
import static ru.spb.feedback.notification.support.Api.tokenOf;

/** A citizen's channel preferences, and how they decide where e-mails go. */
@QuarkusTest
class PreferencesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void defaultsToInAppAndEmailAtTheTokensAddress() {
        String citizen = newCitizenId();
        given().auth().oauth2(tokenOf(citizen)).when().get("/api/v1/notification-preferences")
                .then().statusCode(200)
                .body("channels.inApp", equalTo(true))
                .body("channels.email", equalTo(true))
                .body("email", equalTo(emailOf(citizen)))
                .body("customized", equalTo(false))
                .body("updatedAt", nullValue());
        given().auth().oauth2(TestTokens.citizen(newCitizenId())).when().get("/api/v1/notification-preferences")
                .then().statusCode(200).body("email", nullValue());
    }

    @Test
    void switchingEmailOffStopsEmailsButNotTheInbox() {
        String citizen = newCitizenId();
        String token = tokenOf(citizen);
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна"));
        smtp.await(emailOf(citizen), 1, WAIT);

        put(token, "{\"channels\": {\"inApp\": true, \"email\": false}}")
                .statusCode(200).body("channels.email", equalTo(false)).body("customized", equalTo(true))
                .body("updatedAt", notNullValue());
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).when().get("/api/v1/notifications")
                .then().extract().jsonPath().getInt("totalItems") == 2);
        // an e-mail is scheduled in the transaction that creates the notification: none was for the routed event
        assertThat(new Db(dataSource).rows("select event_type from delivery where appeal_id = ? and channel = 'EMAIL'", appeal.id()))
                .extracting(row -> row.get("event_type")).containsExactly("AppealRegistered");
        assertThat(smtp.messagesTo(emailOf(citizen))).hasSize(1);
    }

    @Test
    void aChosenAddressWinsOverTheContactOfLaterAppeals() {
        String citizen = newCitizenId();
        String token = tokenOf(citizen);
        String chosen = "chosen-" + citizen + "@example.org";
        put(token, "{\"channels\": {\"email\": true}, \"email\": \"" + chosen + "\"}")
                .statusCode(200).body("email", equalTo(chosen)).body("channels.inApp", equalTo(true));

        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна"));
        assertThat(SmtpServer.subject(smtp.await(chosen, 1, WAIT).get(0))).contains(appeal.number());
        assertThat(smtp.messagesTo(emailOf(citizen))).isEmpty();
        given().auth().oauth2(token).when().get("/api/v1/notification-preferences").then().body("email", equalTo(chosen));
    }

    @Test
    void withoutPreferencesTheLatestAppealsContactIsUsed() {
        String citizen = newCitizenId();
        String newer = "newer-" + citizen + "@example.org";
        AppealEvents.publish(AppealEvents.registered(Appeal.of(citizen), emailOf(citizen), "Анна"));
        smtp.await(emailOf(citizen), 1, WAIT);
        AppealEvents.publish(AppealEvents.registered(Appeal.of(citizen), newer, "Анна"));
        smtp.await(newer, 1, WAIT);
        given().auth().oauth2(tokenOf(citizen)).when().get("/api/v1/notification-preferences")
                .then().body("email", equalTo(newer)).body("customized", equalTo(false));
    }

    @Test
    void rejectsInvalidPreferences() {
        String token = tokenOf(newCitizenId());
        put(token, "{\"channels\": {\"inApp\": false, \"email\": true}}")
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("channels.inApp"))
                .body("violations[0].message", equalTo("in-app notifications cannot be switched off"));
        put(token, "{\"channels\": {\"email\": true}, \"email\": \"not-an-address\"}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("email"))
                .body("detail", equalTo("1 field is invalid"));
        put(token, "{\"email\": \"a@example.org\"}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("channels"));
        put(token, "{\"channels\": {}}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("channels.email"));
        put(token, "{\"channels\": ")
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:malformed-json"));
        put(TestTokens.citizen(newCitizenId()), "{\"channels\": {\"email\": true}}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("email"));
        // the values are never echoed
        String answer = put(token, "{\"channels\": {\"email\": true}, \"email\": \"secret-value\"}").statusCode(400).extract().asString();
        assertThat(answer).doesNotContain("secret-value");
    }

    @Test
    void needsACitizensToken() {
        given().when().get("/api/v1/notification-preferences").then().statusCode(401).contentType(PROBLEM);
        put(null, "{\"channels\": {\"email\": false}}").statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin("admin-2")).when().get("/api/v1/notification-preferences")
                .then().statusCode(403).contentType(PROBLEM);
        put(TestTokens.integrator("integrator-2"), "{\"channels\": {\"email\": false}}").statusCode(403).contentType(PROBLEM);
    }

    private static io.restassured.response.ValidatableResponse put(String token, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().put("/api/v1/notification-preferences").then();
    }
}
