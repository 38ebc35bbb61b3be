package ru.spb.feedback.routing.rule;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class RuleResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdminCreatesReadsReplacesAndDeletesARule() {
        String admin = TestTokens.admin("admin");
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"subjectLevel\": \"PROBLEM_TYPE\", \"subjectCode\": \"90\", \"territoryLevel\": \"MUNICIPALITY\", "
                        + "\"territoryCode\": \"1123300\", \"organizationCode\": \"district-admiralteysky\", \"note\": \"пример\"}")
                .when().post("/api/v1/routing-rules")
                .then().statusCode(201).body("specificity", equalTo(11)).extract().path("id");

        given().auth().oauth2(TestTokens.moderator("m")).when().get("/api/v1/routing-rules/" + id)
                .then().statusCode(200).body("organizationCode", equalTo("district-admiralteysky"));
        given().auth().oauth2(admin).when().get("/api/v1/routing-rules").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"subjectLevel\": \"PROBLEM_TYPE\", \"subjectCode\": \"90\", \"territoryLevel\": \"CITY\", "
                        + "\"organizationCode\": \"district-admiralteysky\"}")
                .when().put("/api/v1/routing-rules/" + id)
                .then().statusCode(200).body("territoryLevel", equalTo("CITY")).body("specificity", equalTo(9));
        given().auth().oauth2(admin).when().delete("/api/v1/routing-rules/" + id).then().statusCode(204);
        given().auth().oauth2(admin).when().get("/api/v1/routing-rules/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesRulesThatCannotApply() {
        String admin = TestTokens.admin("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"subjectLevel\": \"OBJECT\", \"territoryLevel\": \"DISTRICT\", \"territoryCode\": \"atlantis\", \"organizationCode\": \"nobody\"}")
                .when().post("/api/v1/routing-rules")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("subjectCode", "territoryCode", "organizationCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"subjectLevel\": \"ANY\", \"subjectCode\": \"1\", \"territoryLevel\": \"CITY\", \"territoryCode\": \"x\", \"organizationCode\": \"1123300\"}")
                .when().post("/api/v1/routing-rules")
                .then().statusCode(400).body("violations.field", hasItems("subjectCode", "territoryCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"subjectLevel\": \"SOMETHING\", \"territoryLevel\": \"CITY\", \"organizationCode\": \"1123300\"}")
                .when().post("/api/v1/routing-rules").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void refusesASecondRuleForTheSameScope() {
        String admin = TestTokens.admin("admin");
        String body = "{\"subjectLevel\": \"CATEGORY\", \"subjectCode\": \"999\", \"territoryLevel\": \"CITY\", \"organizationCode\": \"1123300\"}";
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/routing-rules").then().statusCode(201).extract().path("id");
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/routing-rules").then().statusCode(409).contentType(PROBLEM);
        } finally {
            given().auth().oauth2(admin).when().delete("/api/v1/routing-rules/" + id).then().statusCode(204);
        }
    }

    @Test
    void onlyAdminsChangeRulesAndOnlyStaffReadThem() {
        String body = "{\"subjectLevel\": \"ANY\", \"territoryLevel\": \"CITY\", \"organizationCode\": \"1123300\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/routing-rules").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.moderator("m")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/routing-rules").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.citizen("c")).when().get("/api/v1/routing-rules").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin("a")).when().delete("/api/v1/routing-rules/987654").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin("a")).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/routing-rules/987654").then().statusCode(404).contentType(PROBLEM);
    }
}
