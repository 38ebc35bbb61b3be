package ru.spb.feedback.notification.support;

import io.restassured.response.ValidatableResponse;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls and tokens the suites share. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    /** A fresh citizen id; its e-mail is {@code <id>@example.org}. */
    public static String newCitizenId() {
        return "citizen-" + UUID.randomUUID();
    }

    public static String emailOf(String citizenId) {
        return citizenId + "@example.org";
    }

    public static String tokenOf(String citizenId) {
        return TestTokens.citizen(citizenId, emailOf(citizenId), "Анна Смирнова");
    }

    public static ValidatableResponse notifications(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/notifications").then();
    }

    /** The value of the first Prometheus sample whose line starts with the prefix; 0 if none. */
    public static double metric(String prefix) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
