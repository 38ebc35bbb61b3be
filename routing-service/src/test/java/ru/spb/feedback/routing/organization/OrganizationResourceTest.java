package ru.spb.feedback.routing.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OrganizationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void listsMunicipalAndDistrictAdministrations() {
        given().queryParam("kind", "MUNICIPALITY").when().get("/api/v1/organizations").then().statusCode(200).body("", hasSize(111));
        given().queryParam("kind", "district").when().get("/api/v1/organizations").then().statusCode(200).body("", hasSize(18));
        given().when().get("/api/v1/organizations/district-admiralteysky").then().statusCode(200)
                .body("name", equalTo("Администрация Адмиралтейского района Санкт-Петербурга"));
        given().queryParam("kind", "galactic").when().get("/api/v1/organizations").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/organizations/none").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdminAddsAndChangesACityBody() {
        String admin = TestTokens.admin("admin");
        String code = "komitet-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"name\": \"Комитет по благоустройству\", \"email\": \"kb@example.org\"}")
                .when().post("/api/v1/organizations")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/organizations/" + code))
                .body("kind", equalTo("CITY"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"phone\": \"+7 812 576-00-00\"}")
                .when().patch("/api/v1/organizations/" + code).then().statusCode(200).body("phone", equalTo("+7 812 576-00-00"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"name\": \"Дубликат\"}")
                .when().post("/api/v1/organizations").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void refusesInvalidOrUnauthorisedChanges() {
        String admin = TestTokens.admin("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\": \"Bad Code\", \"name\": \"\"}")
                .when().post("/api/v1/organizations").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", org.hamcrest.Matchers.hasItems("code", "name"));
        given().auth().oauth2(TestTokens.moderator("m")).contentType(ContentType.JSON).body("{\"code\": \"x\", \"name\": \"X\"}")
                .when().post("/api/v1/organizations").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"code\": \"x\", \"name\": \"X\"}")
                .when().post("/api/v1/organizations").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"X\"}")
                .when().patch("/api/v1/organizations/none").then().statusCode(404).contentType(PROBLEM);
    }
}
