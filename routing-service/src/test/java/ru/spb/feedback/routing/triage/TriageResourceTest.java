package ru.spb.feedback.routing.triage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The triage endpoints' error answers; the happy paths run in RoutingFlowTest. */
@QuarkusTest
class TriageResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void onlyModeratorsAndAdminsSeeTheQueue() {
        given().when().get("/api/v1/triage").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.officer("o", "1123300")).when().get("/api/v1/triage").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin("a")).when().get("/api/v1/triage").then().statusCode(200);
        given().auth().oauth2(TestTokens.moderator("m")).queryParam("size", 0).when().get("/api/v1/triage")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void refusesAssignmentsThatCannotBeDone() {
        String moderator = TestTokens.moderator("m");
        given().auth().oauth2(moderator).contentType(ContentType.JSON).body("{\"municipalityCode\": \"1123300\"}")
                .when().post("/api/v1/triage/" + UUID.randomUUID() + "/assign")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(moderator).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/triage/" + UUID.randomUUID() + "/assign")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("municipalityCode"));
        given().auth().oauth2(TestTokens.citizen("c")).contentType(ContentType.JSON).body("{\"municipalityCode\": \"1123300\"}")
                .when().post("/api/v1/triage/" + UUID.randomUUID() + "/assign")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(moderator).when().get("/api/v1/routing-decisions/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }
}
