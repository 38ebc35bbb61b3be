package ru.spb.feedback.appeals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.ApiFuzz;
import ru.spb.feedback.testsupport.DedicatedKafkaResource;
import ru.spb.feedback.testsupport.PostgresTestResource;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A hostile client driven by this service's own API document (test-support {@link ApiFuzz}): valid and broken
 * requests for every operation, with every role's token, seeded. No answer may be a 5xx, have an undocumented
 * status, or a body the document does not describe. Its own database and broker, since valid requests change data.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnData.class)
class ApiFuzzTest {

    public static class OwnData implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", "appeals_fuzz")),
                    new TestResourceEntry(DedicatedKafkaResource.class));
        }
    }

    @TestHTTPResource("/")
    URL service;

    @Test
    void noAnswerIsAServerErrorOrOutsideTheDocument() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        List<ApiFuzz.Finding> findings = ApiFuzz.run(document, service.getPort(), ApiFuzz.everyRole(), 20261207L, 25);
        ApiFuzz.assertNone(findings);
    }
}
