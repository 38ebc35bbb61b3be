package ru.spb.feedback.notification.alert;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static ru.spb.feedback.notification.alert.AreaAlertFixtures.*;

/** Every error answer of the area-alert endpoints: problem+json, each bad field named, values never echoed. */
@QuarkusTest
class AreaAlertsApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "urn:spb-feedback:problem:validation";
    private static final String UNKNOWN_TOKEN = "urn:spb-feedback:problem:area-alert-token-unknown";

    @Test
    void everyBadFieldOfASubscriptionIsA400NamingIt() {
        String email = newAddress();
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "email", null), "email");
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "email", "  "), "email");
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "email", "not-an-address"), "email");
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "email", "a@b"), "email");
        // 255 characters
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "email", "x".repeat(60) + "@" + "d".repeat(191) + ".ru"), "email");
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "events", List.of()), "events");
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "events", null), "events");
        rejects(circle(email, 60.0, 30.0, 500, List.of("NEW", "CLOSED")), "events[1]");
        // each of the two at most once: a list is as long as its schema says (maxItems 2)
        rejects(circle(email, 60.0, 30.0, 500, List.of("NEW", "ANSWERED", "NEW")), "events");
        rejects(municipality(email, "1".repeat(33), List.of("NEW")), "municipalityCode");
        rejects(circle(email, 59.5, 30.0, 500, List.of("NEW")), "lat");
        rejects(circle(email, 60.31, 30.0, 500, List.of("NEW")), "lat");
        rejects(circle(email, 60.0, 29.3, 500, List.of("NEW")), "lon");
        rejects(circle(email, 60.0, 30.9, 500, List.of("NEW")), "lon");
        rejects(circle(email, 60.0, 30.0, 99, List.of("NEW")), "radiusMeters");
        rejects(circle(email, 60.0, 30.0, 5001, List.of("NEW")), "radiusMeters");
        rejects(Map.of("email", email, "lat", 60.0, "lon", 30.0, "events", List.of("NEW")), "radiusMeters");
        rejects(Map.of("email", email, "events", List.of("NEW")), "lat", "lon", "radiusMeters");
        rejects(with(circle(email, 60.0, 30.0, 500, List.of("NEW")), "municipalityCode", "1123300"), "municipalityCode");
        rejects(municipality(email, "12a", List.of("NEW")), "municipalityCode");
        rejects(municipality(email, "", List.of("NEW")), "municipalityCode");
        // several at once, and the address is never quoted back
        given().contentType(ContentType.JSON).body(Map.of("email", "bad address@x", "lat", 1.0, "lon", 1.0, "radiusMeters", 1,
                        "events", List.of("NOPE")))
                .when().post("/api/v1/area-alerts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("email", "lat", "lon", "radiusMeters", "events[0]"))
                .body(not(containsString("bad address")));
        // the web app's body as agreed, with an explicit null
        post("/api/v1/area-alerts", """
                {"email":"%s","lat":59.93,"lon":30.31,"radiusMeters":500,"municipalityCode":null,"events":["NEW","ANSWERED"]}"""
                .formatted(newAddress())).statusCode(202).contentType(ContentType.JSON).body("status", equalTo("CONFIRMATION_SENT"));
        // the boundaries themselves are fine
        subscribe(circle(newAddress(), 59.6, 29.4, 100, List.of("NEW"))).statusCode(202);
        subscribe(circle(newAddress(), 60.3, 30.8, 5000, List.of("ANSWERED", "NEW"))).statusCode(202);
        subscribe(circle("x".repeat(60) + "@" + "d".repeat(190) + ".ru", 60.0, 30.0, 500, List.of("NEW"))).statusCode(202);
    }

    @Test
    void malformedOrMistypedJsonIsA400AndAnythingButJsonA415() {
        post("/api/v1/area-alerts", "{\"email\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:malformed-json"));
        post("/api/v1/area-alerts", "{\"email\": \"a@b.ru\", \"municipalityCode\": \"1\", \"events\": \"NEW\"}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("events"));
        post("/api/v1/area-alerts", "{\"email\": \"a@b.ru\", \"lat\": {}, \"lon\": 30.0, \"radiusMeters\": 500, \"events\": [\"NEW\"]}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("lat"));
        post("/api/v1/area-alerts", "").statusCode(400).contentType(PROBLEM);
        post("/api/v1/area-alerts", "null").statusCode(400).contentType(PROBLEM);
        for (String path : List.of("/api/v1/area-alerts", "/api/v1/area-alerts/confirm", "/api/v1/area-alerts/unsubscribe")) {
            given().contentType(ContentType.TEXT).body("hello").when().post(path).then().statusCode(415).contentType(PROBLEM);
        }
        post("/api/v1/area-alerts/confirm", "{\"token\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:malformed-json"));
        post("/api/v1/area-alerts/unsubscribe", "[1]").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aMissingTokenIsA400AndAnUnknownOneA404() {
        for (String path : List.of("/api/v1/area-alerts/confirm", "/api/v1/area-alerts/unsubscribe")) {
            post(path, "{}").statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION))
                    .body("violations[0].field", equalTo("token"));
            post(path, "{\"token\": \" \"}").statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("token"));
            // longer than any link's token (the schema's maxLength): refused before it is hashed and looked up
            post(path, "{\"token\": \"" + "t".repeat(201) + "\"}").statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("token"));
            post(path, "{\"token\": \"bm90LWEtdG9rZW4tdGhhdC1leGlzdHMtYW55d2hlcmUtYXQtYWxs\"}")
                    .statusCode(404).contentType(PROBLEM).body("type", equalTo(UNKNOWN_TOKEN))
                    .body(not(containsString("bm90LWEtdG9rZW4")));
        }
        // one-click: the token in the query, the body exactly List-Unsubscribe=One-Click
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/area-alerts/unsubscribe")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("token"));
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "Yes")
                .when().post("/api/v1/area-alerts/unsubscribe?token=abc")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("List-Unsubscribe"));
        given().contentType(ContentType.URLENC).formParam("something", "else")
                .when().post("/api/v1/area-alerts/unsubscribe?token=abc")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("List-Unsubscribe"));
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/area-alerts/unsubscribe?token=unknown-token")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(UNKNOWN_TOKEN));
    }

    private static io.restassured.response.ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    private static void rejects(Map<String, ?> body, String... fields) {
        subscribe(body).statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION))
                .body("violations.field", containsInAnyOrder((Object[]) fields));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
