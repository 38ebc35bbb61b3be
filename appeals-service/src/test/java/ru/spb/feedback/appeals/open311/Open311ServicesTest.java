package ru.spb.feedback.appeals.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static ru.spb.feedback.appeals.open311.Open311Checks.assertConforms;
import static ru.spb.feedback.appeals.open311.Open311Checks.assertSpecError;
import static ru.spb.feedback.appeals.open311.Open311Checks.childNames;
import static ru.spb.feedback.appeals.open311.Open311Checks.childText;
import static ru.spb.feedback.appeals.open311.Open311Checks.children;
import static ru.spb.feedback.appeals.open311.Open311Checks.xmlRoot;

/** GET services and GET services/{code}, in both formats, with their errors. */
@QuarkusTest
class Open311ServicesTest {

    /** «Конструкция, препятствующая парковке»: a photo is required. */
    private static final String PHOTO_REQUIRED_TYPE = "56";
    /** «Предложения по установке малых архитектурных форм…»: no photo required. */
    private static final String NO_PHOTO_TYPE = "255";

    @Test
    void listsEveryActiveProblemTypeAsAServiceConformingToTheSchema() {
        String json = given().when().get("/open311/v2/services.json")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        JsonNode services = assertConforms(json, "services.json");

        int activeTypes = given().when().get("/api/v1/categories").then().statusCode(200).extract().path("size()");
        assertThat(services).hasSize(activeTypes);
        JsonNode bench = find(services, NO_PHOTO_TYPE);
        assertThat(bench.get("service_code").isTextual()).isTrue();
        assertThat(bench.get("service_name").asText()).startsWith("Предложения по установке малых архитектурных форм");
        assertThat(bench.get("metadata").asBoolean()).isTrue();
        assertThat(bench.get("type").asText()).isEqualTo("realtime");
        assertThat(bench.get("group").asText()).isNotBlank();
        assertThat(bench.get("keywords").asText()).contains(bench.get("group").asText());
        assertThat(bench.get("description").asText()).isNotBlank();
        List<String> fieldNames = new java.util.ArrayList<>();
        bench.fieldNames().forEachRemaining(fieldNames::add);
        assertThat(fieldNames).containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    }

    @Test
    void theXmlListSaysTheSameWithTheSpecsElementNames() {
        String xml = given().when().get("/open311/v2/services.xml")
                .then().statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        Element root = xmlRoot(xml, "services");
        JsonNode json = assertConforms(given().get("/open311/v2/services.json").asString(), "services.json");

        List<Element> services = children(root);
        assertThat(services).hasSize(json.size()).allSatisfy(service -> assertThat(service.getTagName()).isEqualTo("service"));
        Element first = services.get(0);
        assertThat(childNames(first)).containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
        assertThat(childText(first, "service_code")).isEqualTo(json.get(0).get("service_code").asText());
        assertThat(childText(first, "service_name")).isEqualTo(json.get(0).get("service_name").asText());
        assertThat(childText(first, "metadata")).isEqualTo("true");
    }

    @Test
    void aDefinitionHasTheOfficialFlagAndForPhotoTypesThePhotoNote() {
        JsonNode plain = assertConforms(given().get("/open311/v2/services/" + NO_PHOTO_TYPE + ".json")
                .then().statusCode(200).extract().asString(), "service-definition.json");
        assertThat(plain.get("service_code").asText()).isEqualTo(NO_PHOTO_TYPE);
        assertThat(plain.get("attributes")).hasSize(1);
        JsonNode official = plain.get("attributes").get(0);
        assertThat(official.get("code").asText()).isEqualTo("official");
        assertThat(official.get("variable").asBoolean()).isTrue();
        assertThat(official.get("required").asBoolean()).isFalse();
        assertThat(official.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(official.get("order").asInt()).isEqualTo(1);
        assertThat(official.get("values")).hasSize(1);
        assertThat(official.get("values").get(0).get("key").asText()).isEqualTo("false");

        JsonNode photo = assertConforms(given().get("/open311/v2/services/" + PHOTO_REQUIRED_TYPE + ".json")
                .then().statusCode(200).extract().asString(), "service-definition.json");
        assertThat(photo.get("attributes")).hasSize(2);
        assertThat(photo.get("attributes").get(1).get("code").asText()).isEqualTo("photo_required");
        assertThat(photo.get("attributes").get(1).get("variable").asBoolean()).isFalse();
        assertThat(photo.get("attributes").get(1).get("description").asText()).contains("media_url");
    }

    @Test
    void theXmlDefinitionNestsAttributesAndValuesAsTheSpecDoes() {
        String xml = given().get("/open311/v2/services/" + PHOTO_REQUIRED_TYPE + ".xml")
                .then().statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        Element root = xmlRoot(xml, "service_definition");
        assertThat(childNames(root)).containsExactly("service_code", "attributes");
        assertThat(childText(root, "service_code")).isEqualTo(PHOTO_REQUIRED_TYPE);
        Element attributes = children(root).get(1);
        assertThat(childNames(attributes)).containsExactly("attribute", "attribute");
        Element official = children(attributes).get(0);
        assertThat(childNames(official)).containsExactly("variable", "code", "datatype", "required", "datatype_description",
                "order", "description", "values");
        assertThat(childText(official, "variable")).isEqualTo("true");
        Element values = children(official).get(7);
        assertThat(childNames(values)).containsExactly("value");
        assertThat(childNames(children(values).get(0))).containsExactly("key", "name");
        assertThat(childText(children(values).get(0), "key")).isEqualTo("false");
        // a null datatype_description is an empty element
        assertThat(childText(children(attributes).get(1), "datatype_description")).isEmpty();
    }

    @Test
    void anUnknownServiceIsA404InTheSpecsErrorFormInBothFormats() {
        String json = given().get("/open311/v2/services/no-such-type.json")
                .then().statusCode(404).contentType(startsWith("application/json")).extract().asString();
        assertSpecError(json, 404, "service_code not found");

        String xml = given().get("/open311/v2/services/no-such-type.xml")
                .then().statusCode(404).contentType(startsWith("text/xml")).extract().asString();
        Element root = xmlRoot(xml, "errors");
        assertThat(childNames(root)).containsExactly("error");
        assertThat(childNames(children(root).get(0))).containsExactly("code", "description");
        assertThat(childText(children(root).get(0), "code")).isEqualTo("404");
        assertThat(childText(children(root).get(0), "description")).isEqualTo("service_code not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/open311/v2/services.csv", "/open311/v2/requests.txt", "/open311/v2/services/255", "/open311/v2/services/255.html"})
    void aPathWithoutJsonOrXmlIsA404InJson(String path) {
        assertSpecError(given().get(path).then().statusCode(404).contentType(startsWith("application/json")).extract().asString(),
                404, "format must be json or xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/open311/v2/tokens/abc.json", "/open311/v2/services", "/open311/v2/", "/open311/v2/requests/a/b.json"})
    void anUnknownEndpointIsA404InTheSpecsForm(String path) {
        String body = given().get(path).then().statusCode(404).contentType(startsWith("application/json")).extract().asString();
        assertThat(body).contains("\"code\":404").contains("No such Open311 endpoint");
        given().delete("/open311/v2/services.xml").then().statusCode(404).contentType(startsWith("text/xml"))
                .body(org.hamcrest.Matchers.containsString("<code>404</code>"));
    }

    @Test
    void discoveryNamesTheEndpointItsFormatsAndWhereToGetAKey() {
        given().get("/open311/v2/discovery.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("changeset", org.hamcrest.Matchers.matchesPattern(Open311Checks.TIME_WITH_OFFSET))
                .body("contact", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()))
                .body("key_service", org.hamcrest.Matchers.containsString("Ключ API"))
                .body("endpoints", org.hamcrest.Matchers.hasSize(1))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", equalTo("http://localhost:8080/open311/v2"))
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", equalTo(List.of("text/xml", "application/json")));

        Element root = xmlRoot(given().get("/open311/v2/discovery.xml").then().statusCode(200).extract().asString(), "discovery");
        assertThat(childNames(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element endpoint = children(children(root).get(3)).get(0);
        assertThat(endpoint.getTagName()).isEqualTo("endpoint");
        assertThat(childNames(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(children(children(endpoint).get(4))).extracting(Element::getTagName).containsExactly("format", "format");
        assertThat(children(children(endpoint).get(4))).extracting(Element::getTextContent).containsExactly("text/xml", "application/json");
        assertSpecError(given().get("/open311/v2/discovery.html").then().statusCode(404).extract().asString(), 404, "format must be json or xml");
    }

    @Test
    void theJurisdictionIsOptionalButCheckedWhenGiven() {
        given().queryParam("jurisdiction_id", "spb.ru").get("/open311/v2/services.json").then().statusCode(200);
        given().queryParam("jurisdiction_id", "city.gov").get("/open311/v2/services.json")
                .then().statusCode(404).body("[0].code", equalTo(404)).body("[0].description", startsWith("jurisdiction_id not found"));
        given().queryParam("jurisdiction_id", "city.gov").get("/open311/v2/services/255.xml")
                .then().statusCode(404).body(org.hamcrest.Matchers.containsString("jurisdiction_id not found"));
    }

    @Test
    void aKeyIsOptionalForReadsButAnInvalidOneIsRefused() {
        Open311Checks.Key key = Open311Checks.newIntegratorKey();
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/services.json").then().statusCode(200);
        assertSpecError(given().queryParam("api_key", "spb311_not-a-key").get("/open311/v2/services.json")
                .then().statusCode(403).extract().asString(), 403, "Invalid api_key received -- can't proceed");
        given().queryParam("api_key", "spb311_not-a-key").get("/open311/v2/services/255.xml")
                .then().statusCode(403).body(org.hamcrest.Matchers.containsString("<code>403</code>"));
    }

    private static JsonNode find(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (service.get("service_code").asText().equals(code)) {
                return service;
            }
        }
        throw new AssertionError("no service " + code);
    }
}
