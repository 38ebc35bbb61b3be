package ru.spb.feedback.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the API fuzz found first (issue 18), kept as plain cases: a NUL in a path value reached PostgreSQL as a failing
 * statement (500), and a malformed query number got a 404 the documents did not list.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aControlCharacterInAPathValueIsA400NamingIt() {
        String admin = TestTokens.admin("hostile-admin");
        given().urlEncodingEnabled(false).when().get("/api/v1/municipalities/%00")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("code"));
        given().urlEncodingEnabled(false).auth().oauth2(admin).when().get("/api/v1/organizations/%00")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("code"));
        given().urlEncodingEnabled(false).auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/organizations/a%01b")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("code"));
        given().urlEncodingEnabled(false).when().get("/api/v1/municipalities/%C3%28")
                .then().statusCode(400).contentType(PROBLEM);
    }

    /** JAX-RS's 404 for a value that does not convert: a problem, and documented (the fuzz found it undocumented). */
    @Test
    void aQueryValueOfTheWrongTypeIsADocumented404Problem() {
        given().urlEncodingEnabled(false).when().get("/api/v1/municipalities/at?lat=abc&lon=30.3")
                .then().statusCode(404).contentType(PROBLEM);
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/municipalities/at'.get.responses.'404'.$ref", equalTo("#/components/responses/NotFound"));
    }

    @Test
    void aNulInAJsonStringIsA400NamingTheField() {
        given().auth().oauth2(TestTokens.admin("hostile-admin")).contentType(ContentType.JSON)
                .body("{\"phone\": \"+7 812 \\u0000 000\"}")
                .when().patch("/api/v1/municipalities/1123300")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("phone"));
    }
}
