package ru.spb.feedback.appeals.appeal;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and calls the appeal tests share. */
public final class AppealFixtures {

    /**
     * «Предложения по установке малых архитектурных форм, уличной мебели…» (object Двор): public,
     * no photo required, so appeals of it need no upload.
     */
    public static final String FURNITURE_PROPOSAL = "255";
    /** «Конструкция, препятствующая парковке» (object Двор): public, a photo required. */
    public static final String PARKING_BARRIER = "56";
    /** Near the Admiralty, inside the city. */
    public static final double LAT = 59.9375;
    public static final double LON = 30.3086;

    private AppealFixtures() {
    }

    public static String body(String categoryCode, String description, double lat, double lon) {
        return """
                {"categoryCode": "%s", "description": "%s", "location": {"lat": %s, "lon": %s}, "address": "Адмиралтейский пр., 1"}"""
                .formatted(categoryCode, description, lat, lon);
    }

    public static String validBody() {
        return body(FURNITURE_PROPOSAL, "Во дворе поставили бетонные блоки, не проехать скорой", LAT, LON);
    }

    /** A fresh citizen with e-mail and name in the token. */
    public static String newCitizen() {
        String subject = "citizen-" + UUID.randomUUID();
        return TestTokens.citizen(subject, subject + "@example.org", "Анна Смирнова");
    }

    /** An appeal body naming photos, of the given problem type. */
    public static String bodyWithPhotos(String categoryCode, String... photoIds) {
        String ids = java.util.Arrays.stream(photoIds).map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(", "));
        return """
                {"categoryCode": "%s", "description": "Во дворе поставили бетонные блоки, не проехать скорой",
                 "location": {"lat": %s, "lon": %s}, "photoIds": [%s]}""".formatted(categoryCode, LAT, LON, ids);
    }

    public static ValidatableResponse submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/appeals").then();
    }

    /**
     * The {@code RoutingDecided} routing-service would publish for the appeal: Адмиралтейский округ
     * (1123300) by its boundary, due at {@code dueAt}, with request id {@code routing-<appeal id>}.
     */
    public static EventEnvelope routedToAdmiralteysky(String appealId, Instant dueAt) {
        return EventEnvelope.wrap(new RoutingDecided("1123300", "Адмиралтейский округ", "Адмиралтейский", "1123300",
                        "Местная администрация муниципального округа Адмиралтейский округ", dueAt, RoutingDecided.Method.GEO, null, 1),
                new EventEnvelope.AppealRef(UUID.fromString(appealId), "SPB-TEST", "someone", "1123300"), Instant.now(),
                "routing-" + appealId);
    }
}
