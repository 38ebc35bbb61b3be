package ru.spb.feedback.appeals.open311;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.integrator.IntegratorKey;
import ru.spb.feedback.appeals.integrator.IntegratorKeys;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static ru.spb.feedback.appeals.open311.Open311Checks.ADMIN;

/** Admins issue, list and revoke integrators' API keys; the key is shown once and stored hashed. */
@QuarkusTest
class IntegratorKeyResourceTest {

    private static final String KEYS = "/api/v1/admin/integrator-keys";

    @Test
    void anIssuedKeyIsShownOnceAndStoredOnlyAsItsHash() {
        String integrator = "integrator-" + UUID.randomUUID();
        var issued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"integratorId\": \"" + integrator + "\", \"name\": \"Мой район\", \"municipalityCode\": \"1123300\", \"requestsPerMinute\": 30}")
                .when().post(KEYS).then().statusCode(201).extract();
        String apiKey = issued.path("apiKey");
        String id = issued.path("id");
        assertThat(issued.header("Location")).endsWith(KEYS + "/" + id);
        assertThat(apiKey).startsWith("spb311_").hasSizeGreaterThan(40);
        assertThat((String) issued.path("keyPrefix")).isEqualTo(apiKey.substring(0, 12));
        assertThat((String) issued.path("integratorId")).isEqualTo(integrator);
        assertThat((String) issued.path("municipalityCode")).isEqualTo("1123300");
        assertThat((Integer) issued.path("requestsPerMinute")).isEqualTo(30);
        assertThat((String) issued.path("createdBy")).isEqualTo("admin-open311");

        IntegratorKey stored = QuarkusTransaction.requiringNew().call(() -> IntegratorKey.findById(UUID.fromString(id)));
        assertThat(stored.keyHash).isEqualTo(IntegratorKeys.sha256(apiKey)).isNotEqualTo(apiKey);

        given().auth().oauth2(ADMIN).get(KEYS + "/" + id).then().statusCode(200)
                .body("name", equalTo("Мой район")).body("$", not(org.hamcrest.Matchers.hasKey("apiKey")));
        given().auth().oauth2(ADMIN).queryParam("integratorId", integrator).get(KEYS).then().statusCode(200)
                .body("id", equalTo(java.util.List.of(id))).body("[0]", not(org.hamcrest.Matchers.hasKey("apiKey")));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndItsRecordKept() {
        Open311Checks.Key key = Open311Checks.newIntegratorKey();
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests.json").then().statusCode(200);

        given().auth().oauth2(ADMIN).delete(KEYS + "/" + key.id()).then().statusCode(200)
                .body("revokedAt", notNullValue()).body("revokedBy", equalTo("admin-open311"));
        String revokedAt = given().auth().oauth2(ADMIN).delete(KEYS + "/" + key.id()).then().statusCode(200).extract().path("revokedAt");
        given().auth().oauth2(ADMIN).get(KEYS + "/" + key.id()).then().body("revokedAt", equalTo(revokedAt)).body("lastUsedAt", notNullValue());

        Open311Checks.assertSpecError(given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests.json")
                .then().statusCode(403).extract().asString(), 403, "Invalid api_key");
        given().auth().oauth2(ADMIN).queryParam("integratorId", key.integratorId()).get(KEYS).then().body("size()", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("integratorId", key.integratorId()).queryParam("includeRevoked", "true").get(KEYS)
                .then().body("id", hasItem(key.id()));
    }

    @Test
    void badRequestsAreProblems() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\": \"x\"}").post(KEYS)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(endsWith("integratorId")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"integratorId\": \"i\"}").post(KEYS)
                .then().statusCode(400).body("violations.field", hasItem(endsWith("name")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"integratorId\": \"i\", \"name\": \"n\", \"municipalityCode\": \"Адмиралтейский\"}").post(KEYS)
                .then().statusCode(400).body("violations.field", hasItem(endsWith("municipalityCode")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"integratorId\": \"i\", \"name\": \"n\", \"requestsPerMinute\": 0}").post(KEYS)
                .then().statusCode(400).body("violations.field", hasItem(endsWith("requestsPerMinute")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"integratorId\": ").post(KEYS)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).contentType(ContentType.TEXT).body("integratorId=i").post(KEYS)
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).queryParam("includeRevoked", "maybe").get(KEYS)
                .then().statusCode(400).body("violations.field", hasItem("includeRevoked"));
        given().auth().oauth2(ADMIN).get(KEYS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).delete(KEYS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyAdminsManageKeys() {
        given().get(KEYS).then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{\"integratorId\": \"i\", \"name\": \"n\"}").post(KEYS).then().statusCode(401);
        for (String token : new String[]{TestTokens.integrator("integrator-1"), TestTokens.citizen("c-1"), TestTokens.moderator("m-1")}) {
            given().auth().oauth2(token).get(KEYS).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"integratorId\": \"i\", \"name\": \"n\"}").post(KEYS)
                    .then().statusCode(403).body("apiKey", nullValue());
            given().auth().oauth2(token).delete(KEYS + "/" + UUID.randomUUID()).then().statusCode(403);
        }
    }
}
