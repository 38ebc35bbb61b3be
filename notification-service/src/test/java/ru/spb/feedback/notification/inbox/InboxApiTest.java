package ru.spb.feedback.notification.inbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static ru.spb.feedback.notification.support.Api.PROBLEM;
import static ru.spb.feedback.notification.support.Api.newCitizenId;
import static ru.spb.feedback.notification.support.Api.tokenOf;

/** The in-app inbox: own notifications only, newest first, paging, unread filter and count, marking read. */
@QuarkusTest
class InboxApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void listsOwnNotificationsNewestFirstWithPaging() {
        String citizen = newCitizenId();
        Appeal appeal = seed(citizen);
        String token = tokenOf(citizen);

        given().auth().oauth2(token).queryParam("size", 1).queryParam("page", 0).when().get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventType", equalTo("AppealRouted"))
                .body("totalItems", equalTo(2)).body("totalPages", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(1));
        given().auth().oauth2(token).queryParam("size", 1).queryParam("page", 1).when().get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items[0].eventType", equalTo("AppealRegistered"))
                .body("items[0].appealId", equalTo(appeal.id().toString()));

        // somebody else's inbox is empty of it
        given().auth().oauth2(tokenOf(newCitizenId())).when().get("/api/v1/notifications")
                .then().statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(0));
    }

    @Test
    void marksOneOrAllReadAndCountsTheUnread() {
        String citizen = newCitizenId();
        seed(citizen);
        String token = tokenOf(citizen);
        given().auth().oauth2(token).when().get("/api/v1/notifications/unread-count").then().statusCode(200).body("unread", equalTo(2));

        String newest = given().auth().oauth2(token).when().get("/api/v1/notifications").then().extract().path("items[0].id");
        given().auth().oauth2(token).when().post("/api/v1/notifications/" + newest + "/read")
                .then().statusCode(200).body("read", equalTo(true)).body("id", equalTo(newest));
        String readAt = given().auth().oauth2(token).when().post("/api/v1/notifications/" + newest + "/read")
                .then().statusCode(200).extract().path("readAt");
        assertThat(readAt).isNotNull();

        given().auth().oauth2(token).when().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(1));
        given().auth().oauth2(token).queryParam("unread", "true").when().get("/api/v1/notifications")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].eventType", equalTo("AppealRegistered"));
        given().auth().oauth2(token).queryParam("unread", "false").when().get("/api/v1/notifications")
                .then().statusCode(200).body("items", hasSize(2));

        given().auth().oauth2(token).when().post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        given().auth().oauth2(token).when().post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(0));
        given().auth().oauth2(token).when().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void anotherCitizensNotificationIsNotFound() {
        String owner = newCitizenId();
        seed(owner);
        String id = given().auth().oauth2(tokenOf(owner)).when().get("/api/v1/notifications").then().extract().path("items[0].id");

        given().auth().oauth2(tokenOf(newCitizenId())).when().post("/api/v1/notifications/" + id + "/read")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:not-found"));
        given().auth().oauth2(tokenOf(owner)).when().post("/api/v1/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType(PROBLEM);
        // the owner's notification stays unread
        given().auth().oauth2(tokenOf(owner)).when().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(2));
    }

    @Test
    void rejectsBadPagingAndFilters() {
        String token = tokenOf(newCitizenId());
        given().auth().oauth2(token).queryParam("page", -1).when().get("/api/v1/notifications")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"));
        given().auth().oauth2(token).queryParam("size", 101).when().get("/api/v1/notifications")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(token).queryParam("unread", "maybe").when().get("/api/v1/notifications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("unread"))
                .body("violations[0].message", equalTo("must be true or false"));
    }

    @Test
    void needsACitizensToken() {
        for (String path : List.of("/api/v1/notifications", "/api/v1/notifications/unread-count")) {
            given().when().get(path).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            given().auth().oauth2("not-a-token").when().get(path).then().statusCode(401).contentType(PROBLEM);
            given().auth().oauth2(TestTokens.officer("officer-1", AppealEvents.ADMIRALTEISKY)).when().get(path)
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:forbidden"));
        }
        for (String path : List.of("/api/v1/notifications/read-all", "/api/v1/notifications/" + UUID.randomUUID() + "/read")) {
            given().when().post(path).then().statusCode(401).contentType(PROBLEM);
            given().auth().oauth2(TestTokens.integrator("integrator-1")).when().post(path).then().statusCode(403).contentType(PROBLEM);
        }
    }

    /** A registered and a routed appeal of the citizen, through Kafka; waits for both notifications. */
    static Appeal seed(String citizen) {
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, null, null));
        await().atMost(WAIT).until(() -> countOf(citizen) == 1); // keeps "newest first" well defined
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        await().atMost(WAIT).until(() -> countOf(citizen) == 2);
        return appeal;
    }

    private static int countOf(String citizen) {
        JsonPath page = given().auth().oauth2(tokenOf(citizen)).when().get("/api/v1/notifications").then().extract().jsonPath();
        return page.getInt("totalItems");
    }
}
