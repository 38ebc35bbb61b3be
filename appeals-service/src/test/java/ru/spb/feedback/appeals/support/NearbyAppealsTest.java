package ru.spb.feedback.appeals.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.FURNITURE_PROPOSAL;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.body;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;

/**
 * GET /api/v1/appeals/nearby: open appeals of the same problem type within the radius, nearest
 * first, with nothing of their text or author. Each test works around its own base point, far
 * (kilometres) from the others and from the fixtures' default location.
 */
@QuarkusTest
class NearbyAppealsTest {

    static final String PROBLEM = "application/problem+json";
    /** «Отсутствие бесплатных бахил в поликлинике…»: another public problem type without a photo. */
    static final String OTHER_TYPE = "227";
    /** «Неудовлетворительное состояние территории двора (искл.)»: not public, no photo required. */
    static final String NOT_PUBLIC = "7";
    static final String DESCRIPTION = "Во дворе поставили бетонные блоки, не проехать скорой";

    /** Inside St. Petersburg (Vasilievsky Island), the base point of the issue. */
    private static final Places.Point BASE = new Places.Point(59.93105375, 30.29679808);

    @Test
    void listsOpenAppealsOfTheSameTypeWithin250MetresNearestFirst() {
        String author = newCitizen();
        String at240 = appealAt(author, FURNITURE_PROPOSAL, BASE.east(240));
        String at100 = appealAt(author, FURNITURE_PROPOSAL, BASE.north(100));
        appealAt(author, FURNITURE_PROPOSAL, BASE.south(260));
        appealAt(author, OTHER_TYPE, BASE.west(50));
        String closed = appealAt(author, FURNITURE_PROPOSAL, BASE.north(30));
        String withdrawn = appealAt(author, FURNITURE_PROPOSAL, BASE.south(20));
        setStatus(closed, AppealStatus.CLOSED);
        setStatus(withdrawn, AppealStatus.WITHDRAWN);

        JsonPath found = nearby(newCitizen(), BASE, FURNITURE_PROPOSAL, null).statusCode(200).extract().jsonPath();

        assertThat(found.getList("id")).containsExactly(at100, at240);
        assertThat(found.getDouble("[0].distanceMeters")).isCloseTo(100, within(1.0));
        assertThat(found.getDouble("[1].distanceMeters")).isCloseTo(240, within(1.0));
        assertThat(found.getString("[0].number")).matches("SPB-\\d{4}-\\d{6}");
        assertThat(found.getString("[0].status")).isEqualTo("REGISTERED");
        assertThat(found.getMap("[0].category"))
                .isEqualTo(Map.of("code", FURNITURE_PROPOSAL, "name", "Предложения по установке малых архитектурных форм, уличной мебели и хозяйственно-бытового оборудования, необходимого для благоустройства территории"));
        assertThat(found.getInt("[0].supporters")).isZero();
    }

    @Test
    void aWiderRadiusReachesFurther() {
        Places.Point base = BASE.north(5000);
        String at100 = appealAt(newCitizen(), FURNITURE_PROPOSAL, base.north(100));
        String at240 = appealAt(newCitizen(), FURNITURE_PROPOSAL, base.east(240));
        String at260 = appealAt(newCitizen(), FURNITURE_PROPOSAL, base.south(260));

        assertThat(nearby(newCitizen(), base, FURNITURE_PROPOSAL, "300").statusCode(200).extract().jsonPath().getList("id"))
                .containsExactly(at100, at240, at260);
        assertThat(nearby(newCitizen(), base, FURNITURE_PROPOSAL, "150").statusCode(200).extract().jsonPath().getList("id"))
                .containsExactly(at100);
    }

    @Test
    void showsNothingButNumberCategoryStatusDistanceAndSupporters() {
        Places.Point base = BASE.north(10_000);
        String email = "petr-" + UUID.randomUUID() + "@example.org";
        String author = TestTokens.citizen("citizen-" + UUID.randomUUID(), email, "Пётр Иванов");
        String message = """
                {"categoryCode": "%s", "description": "%s", "location": {"lat": %s, "lon": %s},
                 "address": "ул. Тайная, 7, кв. 15"}""".formatted(FURNITURE_PROPOSAL, DESCRIPTION, base.lat(), base.lon());
        submit(author, message).statusCode(201);

        String json = nearby(TestTokens.officer("officer-1", "1123300"), base.east(80), FURNITURE_PROPOSAL, null)
                .statusCode(200).body("", hasSize(1)).extract().asString();
        Map<String, Object> item = JsonPath.from(json).getMap("[0]");
        assertThat(item).containsOnlyKeys("id", "number", "category", "status", "distanceMeters", "supporters");
        assertThat(json).doesNotContain(DESCRIPTION, "Тайная", email, "Пётр", "citizen-", String.valueOf(base.lat()));
    }

    @Test
    void givesAtMostTwentyAppeals() {
        Places.Point base = BASE.south(5000);
        String author = newCitizen();
        List<String> ids = IntStream.rangeClosed(1, 21).mapToObj(i -> appealAt(author, FURNITURE_PROPOSAL, base.north(i * 10))).toList();

        JsonPath found = nearby(newCitizen(), base, FURNITURE_PROPOSAL, null).statusCode(200).extract().jsonPath();
        assertThat(found.getList("id")).containsExactlyElementsOf(ids.subList(0, 20));
    }

    @Test
    void neverListsAppealsOfAProblemTypeThatIsNotPublic() {
        Places.Point base = BASE.west(5000);
        appealAt(newCitizen(), NOT_PUBLIC, base.north(10));
        nearby(newCitizen(), base, NOT_PUBLIC, null).statusCode(200).body("", hasSize(0));
    }

    @Test
    void neverListsOfficialAppeals() {
        Places.Point base = BASE.west(7000);
        String official = """
                {"categoryCode": "%s", "description": "%s", "location": {"lat": %s, "lon": %s}, "official": true}"""
                .formatted(FURNITURE_PROPOSAL, DESCRIPTION, base.lat(), base.lon());
        submit(newCitizen(), official).statusCode(201);
        String message = appealAt(newCitizen(), FURNITURE_PROPOSAL, base.north(20));
        nearby(newCitizen(), base, FURNITURE_PROPOSAL, null).statusCode(200).body("id", equalTo(List.of(message)));
    }

    @Test
    void theLiteralPathIsNotTakenForAnAppealId() {
        String author = newCitizen();
        String id = appealAt(author, FURNITURE_PROPOSAL, BASE.east(5000));
        // no parameters: the nearby search answers (400 on its parameters), not the appeal lookup (404)
        given().auth().oauth2(author).when().get("/api/v1/appeals/nearby")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", equalTo(List.of("lat", "lon", "categoryCode")));
        given().auth().oauth2(author).when().get("/api/v1/appeals/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void rejectsMissingOrMalformedCoordinates() {
        String token = newCitizen();
        query(token, Map.of("lon", "30.3", "categoryCode", FURNITURE_PROPOSAL)).statusCode(400).contentType(PROBLEM)
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("lat"))
                .body("violations[0].message", equalTo("is required"));
        query(token, Map.of("lat", "north", "lon", "30.3", "categoryCode", FURNITURE_PROPOSAL)).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("lat")).body("violations[0].message", containsString("decimal number"));
        query(token, Map.of("lat", "NaN", "lon", "Infinity", "categoryCode", FURNITURE_PROPOSAL)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", equalTo(List.of("lat", "lon")));
        query(token, Map.of("lat", "95", "lon", "30.3", "categoryCode", FURNITURE_PROPOSAL)).statusCode(400).contentType(PROBLEM)
                .body("violations[0].message", equalTo("must be between -90 and 90"));
    }

    @Test
    void rejectsAPointOutsideStPetersburg() {
        // Moscow
        query(newCitizen(), Map.of("lat", "55.7558", "lon", "37.6173", "categoryCode", FURNITURE_PROPOSAL))
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:validation"))
                .body("violations.field", equalTo(List.of("lat", "lon")))
                .body("violations[0].message", equalTo("is outside St. Petersburg"));
    }

    @Test
    void rejectsAnUnknownOrMissingProblemType() {
        String token = newCitizen();
        nearby(token, BASE, "999999", null).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("categoryCode"))
                .body("violations[0].message", containsString("unknown problem type"));
        query(token, Map.of("lat", "59.93", "lon", "30.3")).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("categoryCode")).body("violations[0].message", equalTo("is required"));
    }

    @Test
    void rejectsARadiusOutOfRange() {
        String token = newCitizen();
        for (String radius : List.of("0", "-5", "1001")) {
            nearby(token, BASE, FURNITURE_PROPOSAL, radius).statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("radius"))
                    .body("violations[0].message", equalTo("must be between 1 and 1000 metres"));
        }
        nearby(token, BASE, FURNITURE_PROPOSAL, "2.5").statusCode(400).contentType(PROBLEM)
                .body("violations[0].message", equalTo("must be a whole number of metres"));
        nearby(token, BASE, FURNITURE_PROPOSAL, "1000").statusCode(200);
    }

    @Test
    void needsAToken() {
        given().queryParam("lat", BASE.lat()).queryParam("lon", BASE.lon()).queryParam("categoryCode", FURNITURE_PROPOSAL)
                .when().get("/api/v1/appeals/nearby").then().statusCode(401).contentType(PROBLEM);
    }

    static String appealAt(String token, String category, Places.Point point) {
        return submit(token, body(category, DESCRIPTION, point.lat(), point.lon())).statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse nearby(String token, Places.Point point, String category, String radius) {
        var request = given().auth().oauth2(token)
                .queryParam("lat", point.lat()).queryParam("lon", point.lon()).queryParam("categoryCode", category);
        if (radius != null) {
            request.queryParam("radius", radius);
        }
        return request.when().get("/api/v1/appeals/nearby").then();
    }

    private static io.restassured.response.ValidatableResponse query(String token, Map<String, String> parameters) {
        return given().auth().oauth2(token).queryParams(parameters).when().get("/api/v1/appeals/nearby").then();
    }

    static void setStatus(String id, AppealStatus status) {
        QuarkusTransaction.requiringNew().run(() -> Appeal.<Appeal>findById(UUID.fromString(id)).status = status);
    }
}
