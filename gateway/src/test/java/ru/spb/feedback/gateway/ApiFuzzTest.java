package ru.spb.feedback.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.ApiFuzz;

import java.net.URL;

import static io.restassured.RestAssured.given;

/**
 * The gateway's own operations (the web app's settings and demo sign-in, the console's documents) against a hostile
 * client driven by its API document, as each service's ApiFuzzTest does for the service's.
 */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void noAnswerIsAServerErrorOrOutsideTheDocument() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        ApiFuzz.assertNone(ApiFuzz.run(document, gateway.getPort(), ApiFuzz.everyRole(), 20261207L, 25));
    }
}
