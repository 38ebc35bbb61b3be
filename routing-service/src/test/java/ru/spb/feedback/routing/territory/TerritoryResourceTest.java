package ru.spb.feedback.routing.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TerritoryResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void listsThe111MunicipalitiesAndThe18Districts() {
        given().when().get("/api/v1/municipalities").then().statusCode(200).body("", hasSize(111));
        given().when().get("/api/v1/districts").then().statusCode(200).body("", hasSize(18));
        given().queryParam("district", "Адмиралтейский").when().get("/api/v1/municipalities")
                .then().statusCode(200).body("", hasSize(6)).body("district.code", everyItem(equalTo("admiralteysky")));
        given().queryParam("district", "kurortny").when().get("/api/v1/municipalities").then().statusCode(200).body("", hasSize(11));
    }

    @Test
    void showsOneMunicipality() {
        given().when().get("/api/v1/municipalities/1123300").then().statusCode(200)
                .body("name", equalTo("Адмиралтейский округ"))
                .body("type", equalTo("MUNICIPAL_OKRUG"))
                .body("district.name", equalTo("Адмиралтейский"))
                .body("organizationCode", equalTo("1123300"));
    }

    @Test
    void locatesAPoint() {
        given().queryParam("lat", 59.93105375).queryParam("lon", 30.29679808).when().get("/api/v1/municipalities/at")
                .then().statusCode(200).body("municipality.code", equalTo("1123300")).body("district.code", equalTo("admiralteysky"));
        given().queryParam("lat", 55.75).queryParam("lon", 37.61).when().get("/api/v1/municipalities/at")
                .then().statusCode(200).body("municipality", nullValue()).body("district", nullValue());
    }

    @Test
    void answersBadQueriesWithProblems() {
        given().when().get("/api/v1/municipalities/42").then().statusCode(404).contentType(PROBLEM);
        given().queryParam("district", "Атлантида").when().get("/api/v1/municipalities")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("district"));
        given().queryParam("lat", 100).queryParam("lon", 30).when().get("/api/v1/municipalities/at")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("lat"));
        given().queryParam("lat", 59.9).when().get("/api/v1/municipalities/at")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("lon"));
    }

    @Test
    void anAdminChangesTheResponsibleOrganizationAndContacts() {
        String admin = TestTokens.admin("admin");
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"organizationCode\": \"district-nevsky\", \"email\": \"mo@example.org\", \"phone\": \"+7 812 000-00-00\"}")
                    .when().patch("/api/v1/municipalities/369087")
                    .then().statusCode(200)
                    .body("organizationCode", equalTo("district-nevsky"))
                    .body("contacts.email", equalTo("mo@example.org"));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"organizationCode\": \"369087\", \"email\": \"\", \"phone\": \"\"}")
                    .when().patch("/api/v1/municipalities/369087").then().statusCode(200).body("contacts.email", nullValue());
        }
    }

    @Test
    void refusesInvalidOrUnauthorisedChanges() {
        String admin = TestTokens.admin("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"organizationCode\": \"nobody\"}")
                .when().patch("/api/v1/municipalities/1123300").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("organizationCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"email\": \"not-mail\"}")
                .when().patch("/api/v1/municipalities/1123300").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"email\": \"a@b.ru\"}")
                .when().patch("/api/v1/municipalities/42").then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.ru\"}")
                .when().patch("/api/v1/municipalities/1123300").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.officer("o", "1123300")).contentType(ContentType.JSON).body("{\"email\": \"a@b.ru\"}")
                .when().patch("/api/v1/municipalities/1123300").then().statusCode(403).contentType(PROBLEM);
    }
}
