package ru.spb.feedback.appeals.appeal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.LAT;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.LON;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.FURNITURE_PROPOSAL;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.body;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/** Every way to get an appeal wrong gets a problem+json answer that says what, never a 500. */
@QuarkusTest
class AppealValidationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALID_TEXT = "Во дворе поставили бетонные блоки";

    @Test
    void rejectsCoordinatesThatAreNotOnEarth() {
        submit(newCitizen(), body(FURNITURE_PROPOSAL, VALID_TEXT, 100.0, 200.0))
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:validation"))
                .body("violations.field", equalTo(java.util.List.of("location.lat", "location.lon")));
    }

    @Test
    void rejectsALocationOutsideStPetersburg() {
        // Moscow
        submit(newCitizen(), body(FURNITURE_PROPOSAL, VALID_TEXT, 55.7558, 37.6173))
                .statusCode(400).contentType(PROBLEM)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("location"))
                .body("violations[0].message", equalTo("is outside St. Petersburg"));
    }

    @Test
    void rejectsAnAppealWithNeitherALocationNorAnAddress() {
        String json = """
                {"categoryCode": "255", "description": "%s"}""".formatted(VALID_TEXT);
        submit(newCitizen(), json).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("location"))
                .body("violations.message", hasItem("give a point on the map or an address"));
        String blankAddress = """
                {"categoryCode": "255", "description": "%s", "address": "   "}""".formatted(VALID_TEXT);
        submit(newCitizen(), blankAddress).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("location"));
    }

    @Test
    void takesAnAddressWithoutAPointForAModeratorToPlace() {
        // the web app's fallback when the map cannot load: routing has no point and sends it to triage
        String json = """
                {"categoryCode": "255", "description": "%s", "address": "ул. Садовая, 50"}""".formatted(VALID_TEXT);
        submit(newCitizen(), json).statusCode(201)
                .body("location", org.hamcrest.Matchers.nullValue())
                .body("address", equalTo("ул. Садовая, 50"));
    }

    @Test
    void rejectsAnUnknownCategory() {
        submit(newCitizen(), body("999999", VALID_TEXT, LAT, LON))
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("categoryCode"))
                .body("violations[0].message", containsString("unknown problem type"));
    }

    @Test
    void rejectsTextThatIsTooShort() {
        submit(newCitizen(), body(FURNITURE_PROPOSAL, "коротко", LAT, LON))
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("description"))
                .body("violations[0].message", containsString("between 10 and 4000"));
    }

    @Test
    void rejectsTextThatIsOnlyLongBecauseOfSpaces() {
        submit(newCitizen(), body(FURNITURE_PROPOSAL, "     ямa          ", LAT, LON))
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("description"));
    }

    @Test
    void rejectsTextThatIsTooLong() {
        submit(newCitizen(), body(FURNITURE_PROPOSAL, "а".repeat(4001), LAT, LON))
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("description"));
    }

    @Test
    void acceptsTextOfExactlyTheMaximumLength() {
        submit(newCitizen(), body(FURNITURE_PROPOSAL, "а".repeat(4000), LAT, LON)).statusCode(201);
    }

    @Test
    void rejectsMalformedJson() {
        submit(newCitizen(), "{\"categoryCode\": \"255\", \"description\": ")
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:malformed-json"));
    }

    @Test
    void rejectsAWrongTypeWithoutEchoingTheValue() {
        String json = """
                {"categoryCode": "255", "description": "%s", "location": {"lat": "secret-value", "lon": 30.3}}"""
                .formatted(VALID_TEXT);
        submit(newCitizen(), json).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("location.lat"))
                .body(not(containsString("secret-value")));
    }

    @Test
    void rejectsAnEmptyBody() {
        given().auth().oauth2(newCitizen()).contentType(ContentType.JSON)
                .when().post("/api/v1/appeals")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void rejectsAnotherContentType() {
        given().auth().oauth2(newCitizen()).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/appeals")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void rejectsAnInvalidEmail() {
        String json = """
                {"categoryCode": "255", "description": "%s", "location": {"lat": %s, "lon": %s},
                 "contact": {"email": "not-an-address"}}""".formatted(VALID_TEXT, LAT, LON);
        submit(newCitizen(), json).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("contact.email"))
                .body(not(containsString("not-an-address")));
    }

    @Test
    void requiresNameAndReplyAddressForAnOfficialAppeal() {
        String tokenWithoutContact = TestTokens.citizen("citizen-" + UUID.randomUUID());
        String json = """
                {"categoryCode": "255", "description": "%s", "location": {"lat": %s, "lon": %s}, "official": true}"""
                .formatted(VALID_TEXT, LAT, LON);
        submit(tokenWithoutContact, json).statusCode(400).contentType(PROBLEM)
                .body("violations.field", equalTo(java.util.List.of("contact.name", "contact.email")));
    }

    @Test
    void takesTheOfficialAppealsContactFromTheToken() {
        String json = """
                {"categoryCode": "255", "description": "%s", "location": {"lat": %s, "lon": %s}, "official": true}"""
                .formatted(VALID_TEXT, LAT, LON);
        submit(newCitizen(), json).statusCode(201).body("contact.name", equalTo("Анна Смирнова"));
    }

    @Test
    void rejectsAMalformedIdempotencyKey() {
        given().auth().oauth2(newCitizen()).contentType(ContentType.JSON).header("Idempotency-Key", "with space")
                .body(validBody())
                .when().post("/api/v1/appeals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void requiresAToken() {
        given().contentType(ContentType.JSON).body(validBody())
                .when().post("/api/v1/appeals")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        given().when().get("/api/v1/appeals").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rejectsATokenWithABadSignature() {
        String token = newCitizen();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(validBody())
                .when().post("/api/v1/appeals")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rejectsAnExpiredToken() {
        String expired = TestTokens.custom("citizen-" + UUID.randomUUID()).group("citizen")
                .lifetime(Duration.ofMinutes(-10)).sign();
        given().auth().oauth2(expired).when().get("/api/v1/appeals").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void refusesCallersWithoutTheCitizenRole() {
        submit(TestTokens.officer("officer-1", "1123300"), validBody())
                .statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403));
        given().auth().oauth2(TestTokens.integrator("integrator-1")).when().get("/api/v1/appeals")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void rejectsAnUnknownStatusFilterAndBadPaging() {
        String token = newCitizen();
        given().auth().oauth2(token).queryParam("status", "LOST").when().get("/api/v1/appeals")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(token).queryParam("size", 1000).when().get("/api/v1/appeals")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(token).queryParam("page", -1).when().get("/api/v1/appeals")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"));
    }

    @Test
    void answersAMalformedAppealIdWithNotFound() {
        given().auth().oauth2(newCitizen()).when().get("/api/v1/appeals/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(newCitizen()).when().delete("/api/v1/appeals")
                .then().statusCode(405).contentType(PROBLEM);
    }
}
