package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The web app's files and settings as the gateway serves them where no demo sign-in is configured (as in production). */
@QuarkusTest
class WebAppTest {

    @Test
    void servesThePageWithAPolicyThatAllowsOnlyItsOwnScriptsAndTheTiles() {
        given().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<main id=\"main\""), containsString("/assets/js/main.js"))
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("img-src 'self' data: blob: https://tile.openstreetmap.org"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void servesTheScriptsAndLeafletFromItsOwnOrigin() {
        given().get("/assets/js/main.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/app/settings"));
        given().get("/assets/app.css").then().statusCode(200).contentType(containsString("css"));
        given().get("/webjars/leaflet/1.9.4/dist/leaflet.js").then().statusCode(200).body(containsString("Leaflet"));
    }

    @Test
    void keepsTheStrictPolicyOnApiAnswers() {
        given().get("/api/v1/categories").then()
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void offersNoDemoSignInUnlessTheLocalRunConfiguresIt() {
        given().get("/app/settings").then().statusCode(200).contentType(ContentType.JSON)
                .body("signIn.demoAccounts", empty())
                .body("signIn.oidc", nullValue())
                .body("tiles.url", equalTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
        given().contentType(ContentType.JSON).body("{\"subject\": \"demo-admin\"}").post("/app/dev-sign-in")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:not-found"));
    }
}
