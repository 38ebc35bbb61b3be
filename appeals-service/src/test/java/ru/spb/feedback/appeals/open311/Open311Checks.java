package ru.spb.feedback.appeals.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import ru.spb.feedback.testsupport.TestTokens;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Open311 tests share: issuing a key, posting a form, and checking answers against the
 * GeoReport v2 JSON Schemas and the spec's XML element names.
 */
final class Open311Checks {

    /** ISO 8601 with an offset, to the second, as the spec's examples: 2010-04-14T06:37:38-08:00. */
    static final String TIME_WITH_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";
    static final String ADMIN = TestTokens.admin("admin-open311");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Open311Checks() {
    }

    /** A new integrator with a fresh key; returns {integratorId, apiKey, keyId}. */
    static Key newIntegratorKey(String municipalityCode, Integer requestsPerMinute) {
        String integratorId = "integrator-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("integratorId", integratorId);
        body.put("name", "Тестовое приложение");
        if (municipalityCode != null) {
            body.put("municipalityCode", municipalityCode);
        }
        if (requestsPerMinute != null) {
            body.put("requestsPerMinute", requestsPerMinute);
        }
        var issued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/admin/integrator-keys").then().statusCode(201).extract();
        return new Key(integratorId, issued.path("apiKey"), issued.path("id"));
    }

    static Key newIntegratorKey() {
        return newIntegratorKey(null, 1000);
    }

    record Key(String integratorId, String apiKey, String id) {
    }

    /** POST requests.{format} with the fields, form-encoded. */
    static ValidatableResponse post(String format, Map<String, String> fields) {
        var request = given().contentType(ContentType.URLENC.withCharset("UTF-8"));
        fields.forEach(request::formParam);
        return request.when().post("/open311/v2/requests." + format).then();
    }

    /** A valid form for a public problem type near the Admiralty, with the key and the person's contact. */
    static Map<String, String> form(String apiKey, String serviceCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", apiKey);
        fields.put("service_code", serviceCode);
        fields.put("lat", "59.9375");
        fields.put("long", "30.3086");
        fields.put("address_string", "Адмиралтейский пр., 1");
        fields.put("email", "reporter-" + UUID.randomUUID() + "@example.org");
        fields.put("first_name", "Пётр");
        fields.put("last_name", "Иванов");
        fields.put("phone", "+7 (812) 555-01-01");
        fields.put("account_id", "acc-" + UUID.randomUUID());
        fields.put("description", "Во дворе нужна скамейка у детской площадки");
        return fields;
    }

    /** The body as JSON; fails when it is not JSON. */
    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Fails with every schema violation when the JSON does not conform to the named GeoReport v2 schema. */
    static JsonNode assertConforms(String body, String schemaFile) {
        JsonNode node = json(body);
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/" + schemaFile), ASSERT_FORMATS);
        Set<ValidationMessage> errors = schema.validate(node);
        assertThat(errors).as("%s against %s", body, schemaFile).isEmpty();
        return node;
    }

    /**
     * The spec's error form in JSON: a list of {@code code} (a number, the HTTP status) and
     * {@code description}, nothing else; the descriptions start with the given texts, in order.
     */
    static void assertSpecError(String body, int code, String... descriptions) {
        JsonNode errors = json(body);
        assertThat(errors.isArray()).as(body).isTrue();
        assertThat(errors).as(body).hasSize(descriptions.length);
        for (int i = 0; i < descriptions.length; i++) {
            JsonNode error = errors.get(i);
            List<String> names = new ArrayList<>();
            error.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("code", "description");
            assertThat(error.get("code").isInt()).isTrue();
            assertThat(error.get("code").asInt()).isEqualTo(code);
            assertThat(error.get("description").asText()).startsWith(descriptions[i]);
        }
    }

    /** Parses XML, checking the spec's declaration and root element. */
    static Element xmlRoot(String xml, String rootName) {
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            Element root = document.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo(rootName);
            return root;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    /** The child elements of an element. */
    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The names of the child elements, in order. */
    static List<String> childNames(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    /** The text of the named child, null when the child is absent. */
    static String childText(Element parent, String name) {
        return children(parent).stream().filter(child -> child.getTagName().equals(name)).findFirst()
                .map(Element::getTextContent).orElse(null);
    }
}
