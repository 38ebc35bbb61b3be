package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.OpenApiLint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ConsoleTest {

    @Test
    void servesEachServicesDocumentWithTheGatewayAsItsServer() {
        for (String service : new String[]{"appeals", "routing", "notification"}) {
            given().get("/openapi/" + service)
                    .then().statusCode(200).contentType("application/json")
                    .body("info.title", equalTo(service + "-service"))
                    .body("paths", notNullValue())
                    .body("servers", hasSize(1))
                    .body("servers[0].url", equalTo("/"));
        }
    }

    @Test
    void answersAProblemWhenAServiceIsDown() {
        given().get("/openapi/down")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:api-document-unavailable"))
                .body("detail", containsString("down"));
    }

    @Test
    void answersAProblemForAnUnknownService() {
        given().get("/openapi/nothing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void takesTheSharedDefaultsFromWebCommons() {
        // neither key is in the gateway's application.properties: both come from web-commons'
        // META-INF/microprofile-config.properties, one read at build time, one at run time
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.version", equalTo("1.0"));
        assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.access-log.pattern", String.class)).isEqualTo("%m %R %s %Dms req=%{o,X-Request-Id}");
    }

    @Test
    void listsEveryServiceInTheSwaggerUi() {
        String page = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("/openapi/appeals", "/openapi/routing", "/openapi/notification");
    }

    /**
     * The document says what the service does: Spectral with the OWASP API ruleset, under the project's ruleset
     * (test-support openapi-lint/ruleset.yaml), finds no error in it.
     */
    @Test
    void apiDocumentKeepsTheContract() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiLint.assertNoErrors(document, "gateway");
    }
}
