package ru.spb.feedback.appeals.open311;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What the API fuzz found first on Open311 (issue 18): a percent sign in the format was a 500 whose body was not in
 * the spec's error form, and control characters anywhere must be refused in that form too.
 */
@QuarkusTest
class Open311HostileInputTest {

    @Test
    void aPercentSignInTheFormatIsA404InTheSpecsErrorForm() {
        given().urlEncodingEnabled(false).when().get("/open311/v2/discovery.%25")
                .then().statusCode(404).contentType(startsWith("application/json")).body("[0].code", equalTo(404));
    }

    @Test
    void controlCharactersArea400InTheSpecsErrorForm() {
        given().urlEncodingEnabled(false).when().get("/open311/v2/services.json?jurisdiction_id=%00")
                .then().statusCode(400).contentType(startsWith("application/json")).body("[0].code", equalTo(400));
        given().urlEncodingEnabled(false).when().get("/open311/v2/requests.xml?status=a%01")
                .then().statusCode(400).contentType(startsWith("text/xml"));
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .body("service_code=255&description=%00%00%00%00%00%00%00%00%00%00&lat=59.93&long=30.31")
                .when().post("/open311/v2/requests.json?api_key=whatever")
                .then().statusCode(400).contentType(startsWith("application/json")).body("[0].code", equalTo(400));
    }
}
