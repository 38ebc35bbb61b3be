package ru.spb.feedback.routing.territory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BoundaryResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String GEO_JSON = "application/geo+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOWTIE = "{\"type\": \"Polygon\", \"coordinates\": [[[30.0, 59.9], [30.1, 60.0], [30.1, 59.9], [30.0, 60.0], [30.0, 59.9]]]}";

    @Test
    void showsTheSetsInForce() {
        given().when().get("/api/v1/boundaries").then().statusCode(200)
                .body("find { it.kind == 'MUNICIPALITIES' }.featureCount", equalTo(111))
                .body("find { it.kind == 'MUNICIPALITIES' }.missing", hasSize(0))
                .body("find { it.kind == 'DISTRICTS' }.featureCount", equalTo(18));
        given().when().get("/api/v1/boundaries/municipalities").then().statusCode(200).body("features", hasSize(111));
        given().when().get("/api/v1/boundaries/rivers").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdminReplacesTheMunicipalitiesAndEveryLookupFollows() throws IOException {
        String admin = TestTokens.admin("admin");
        String bundled = bundled();
        ObjectNode withoutOne = withoutAdmiralteyskyOkrug(bundled);
        try {
            given().auth().oauth2(admin).contentType(GEO_JSON).body(JSON.writeValueAsString(withoutOne))
                    .when().put("/api/v1/boundaries/municipalities")
                    .then().statusCode(200)
                    .body("featureCount", equalTo(110))
                    .body("missing", equalTo(java.util.List.of("1123300")));
            given().queryParam("lat", 59.93105375).queryParam("lon", 30.29679808).when().get("/api/v1/municipalities/at")
                    .then().body("municipality", nullValue()).body("district.code", equalTo("admiralteysky"));
        } finally {
            given().auth().oauth2(admin).contentType(GEO_JSON).body(bundled)
                    .when().put("/api/v1/boundaries/municipalities").then().statusCode(200).body("featureCount", equalTo(111));
        }
        given().queryParam("lat", 59.93105375).queryParam("lon", 30.29679808).when().get("/api/v1/municipalities/at")
                .then().body("municipality.code", equalTo("1123300"));
    }

    @Inject
    Territory territory;

    @Test
    void everyCopyPicksUpASetAnotherCopyStored() throws IOException {
        String bundled = bundled();
        ObjectNode withoutOne = withoutAdmiralteyskyOkrug(bundled);
        ArrayNode features = (ArrayNode) withoutOne.get("features");
        String admin = TestTokens.admin("admin");
        try {
            // what another copy's upload leaves in the shared database
            QuarkusTransaction.requiringNew().run(() -> {
                BoundarySet.update("active = false where kind = ?1 and active = true", BoundarySet.Kind.MUNICIPALITIES);
                BoundarySet set = new BoundarySet();
                set.kind = BoundarySet.Kind.MUNICIPALITIES;
                set.geojson = withoutOne.toString();
                set.featureCount = features.size();
                set.source = "upload";
                set.uploadedAt = java.time.Instant.now();
                set.active = true;
                set.persist();
            });
            assertThat(territory.locate(59.93105375, 30.29679808).municipality()).isPresent();
            territory.refresh();
            assertThat(territory.locate(59.93105375, 30.29679808).municipality()).isEmpty();
        } finally {
            given().auth().oauth2(admin).contentType(GEO_JSON).body(bundled)
                    .when().put("/api/v1/boundaries/municipalities").then().statusCode(200);
        }
        assertThat(territory.locate(59.93105375, 30.29679808).municipality().map(m -> m.code)).contains("1123300");
    }

    @Test
    void refusesABadSetAsAWholeAndKeepsTheOneInForce() {
        String admin = TestTokens.admin("admin");
        given().auth().oauth2(admin).contentType(GEO_JSON).body("{not json")
                .when().put("/api/v1/boundaries/municipalities").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(GEO_JSON).body("{\"type\": \"Feature\"}")
                .when().put("/api/v1/boundaries/municipalities").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("type"));
        given().auth().oauth2(admin).contentType(GEO_JSON)
                .body("{\"type\": \"FeatureCollection\", \"features\": ["
                        + "{\"type\": \"Feature\", \"properties\": {\"osm_relation_id\": \"1123300\"}, \"geometry\": " + BOWTIE + "},"
                        + "{\"type\": \"Feature\", \"properties\": {\"osm_relation_id\": \"42\"}, \"geometry\": {\"type\": \"Polygon\", "
                        + "\"coordinates\": [[[30.0, 59.9], [30.1, 59.9], [30.1, 60.0], [30.0, 59.9]]]}},"
                        + "{\"type\": \"Feature\", \"properties\": {\"osm_relation_id\": \"1123297\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [30, 59]}}"
                        + "]}")
                .when().put("/api/v1/boundaries/municipalities")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("features[0].geometry"))
                .body("violations.field", hasItem("features[1].properties"))
                .body("violations.field", hasItem("features[2].geometry"))
                .body("violations.find { it.field == 'features[0].geometry' }.message", containsString("Self-intersection"));
        String square = "{\"type\": \"Polygon\", \"coordinates\": [[[30.0, 59.9], [30.1, 59.9], [30.1, 60.0], [30.0, 60.0], [30.0, 59.9]]]}";
        given().auth().oauth2(admin).contentType(GEO_JSON)
                .body("{\"type\": \"FeatureCollection\", \"features\": ["
                        + "{\"type\": \"Feature\", \"properties\": {\"osm_relation_id\": \"1123300\"}, \"geometry\": " + square + "},"
                        + "{\"type\": \"Feature\", \"properties\": {\"code\": \"1123300\"}, \"geometry\": " + square + "}]}")
                .when().put("/api/v1/boundaries/municipalities")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].message", containsString("more than one feature"));

        given().when().get("/api/v1/boundaries").then().body("find { it.kind == 'MUNICIPALITIES' }.featureCount", equalTo(111));
        given().queryParam("lat", 59.93105375).queryParam("lon", 30.29679808).when().get("/api/v1/municipalities/at")
                .then().body("municipality.code", equalTo("1123300"));
    }

    @Test
    void onlyAdminsReplaceBoundaries() {
        given().contentType(GEO_JSON).body("{}").when().put("/api/v1/boundaries/municipalities")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.moderator("m")).contentType(GEO_JSON).body("{}")
                .when().put("/api/v1/boundaries/municipalities").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin("a")).contentType(GEO_JSON).body("{}")
                .when().put("/api/v1/boundaries/lakes").then().statusCode(404).contentType(PROBLEM);
    }

    /** The bundled set without Адмиралтейский округ (1123300). */
    private static ObjectNode withoutAdmiralteyskyOkrug(String bundled) throws IOException {
        ObjectNode collection = (ObjectNode) JSON.readTree(bundled);
        ArrayNode features = (ArrayNode) collection.get("features");
        for (int i = 0; i < features.size(); i++) {
            if ("1123300".equals(features.get(i).path("properties").path("osm_relation_id").asText())) {
                features.remove(i);
                return collection;
            }
        }
        throw new AssertionError("1123300 is not in the bundled set");
    }

    private static String bundled() throws IOException {
        try (InputStream in = BoundaryResourceTest.class.getClassLoader().getResourceAsStream("territory/spb-municipalities-current.geojson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
