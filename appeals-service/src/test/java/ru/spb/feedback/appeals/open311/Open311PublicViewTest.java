package ru.spb.feedback.appeals.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealFixtures;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.open311.Open311Checks.assertConforms;
import static ru.spb.feedback.appeals.open311.Open311Checks.childText;
import static ru.spb.feedback.appeals.open311.Open311Checks.children;
import static ru.spb.feedback.appeals.open311.Open311Checks.form;
import static ru.spb.feedback.appeals.open311.Open311Checks.json;
import static ru.spb.feedback.appeals.open311.Open311Checks.newIntegratorKey;
import static ru.spb.feedback.appeals.open311.Open311Checks.post;
import static ru.spb.feedback.appeals.open311.Open311Checks.xmlRoot;

/** Public reads show the public view only (rounded point, street, no text); XML survives any text. */
@QuarkusTest
class Open311PublicViewTest {

    private static final String PUBLIC_TYPE = AppealFixtures.FURNITURE_PROPOSAL;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void withoutTheOwnersKeyARequestShowsOnlyTheBlockAndTheStreet() {
        Open311Checks.Key owner = newIntegratorKey();
        Map<String, String> fields = form(owner.apiKey(), PUBLIC_TYPE);
        fields.put("lat", "59.93754");
        fields.put("long", "30.30849");
        fields.put("address_string", "наб. реки Мойки, 12 к2");
        String number = create(fields);

        Open311Checks.Key stranger = newIntegratorKey();
        for (String apiKey : new String[] {null, stranger.apiKey()}) {
            var request = given();
            if (apiKey != null) {
                request.queryParam("api_key", apiKey);
            }
            String list = request.queryParam("service_request_id", number).get("/open311/v2/requests.json")
                    .then().statusCode(200).extract().asString();
            JsonNode shown = assertConforms(list, "requests.json").get(0);
            assertThat(shown.get("lat").asDouble()).isEqualTo(59.938);
            assertThat(shown.get("long").asDouble()).isEqualTo(30.308);
            assertThat(shown.get("address").asText()).isEqualTo("наб. реки Мойки");
            assertThat(shown.get("description").isNull()).isTrue();
            assertThat(list).doesNotContain("12 к2").doesNotContain(fields.get("description"));

            var one = given();
            if (apiKey != null) {
                one.queryParam("api_key", apiKey);
            }
            String xml = one.get("/open311/v2/requests/" + number + ".xml").then().statusCode(200).extract().asString();
            Element element = children(xmlRoot(xml, "service_requests")).get(0);
            assertThat(childText(element, "lat")).isEqualTo("59.938");
            assertThat(childText(element, "address")).isEqualTo("наб. реки Мойки");
            assertThat(childText(element, "description")).isEmpty();
        }
        // the owner sees what it filed
        given().queryParam("api_key", owner.apiKey()).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].lat", equalTo(59.93754f)).body("[0].address", equalTo("наб. реки Мойки, 12 к2"))
                .body("[0].description", equalTo(fields.get("description")));
    }

    @Test
    void omittingAScopedKeyGivesNoMoreThanThePublicView() {
        Open311Checks.Key owner = newIntegratorKey();
        String number = create(form(owner.apiKey(), PUBLIC_TYPE));
        Appeal appeal = load(number);
        TopicWriter.on(bootstrapServers).send(Topics.ROUTING_EVENTS,
                AppealFixtures.routedToAdmiralteysky(appeal.id.toString(), Instant.parse("2027-01-18T20:59:59Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(number).municipalityCode != null);

        Open311Checks.Key elsewhere = newIntegratorKey("1114805", 1000);
        given().queryParam("api_key", elsewhere.apiKey()).queryParam("service_request_id", number)
                .get("/open311/v2/requests.json").then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("api_key", elsewhere.apiKey()).get("/open311/v2/requests/" + number + ".json").then().statusCode(404);
        // without the key the request is there, but only as the public sees it
        given().queryParam("service_request_id", number).get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", equalTo(List.of(number)))
                .body("[0].lat", equalTo(59.938f)).body("[0].long", equalTo(30.309f))
                .body("[0].address", equalTo("Адмиралтейский пр.")).body("[0].description", equalTo(null));
        // a key scoped to its municipality sees it in the public view too
        Open311Checks.Key scoped = newIntegratorKey("1123300", 1000);
        given().queryParam("api_key", scoped.apiKey()).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].lat", equalTo(59.938f)).body("[0].description", equalTo(null));
    }

    /**
     * Intake refuses control characters now (ADR 0025); an appeal filed before that may still hold them, and XML,
     * which cannot carry them, leaves them out.
     */
    @Test
    void charactersXmlForbidsAreLeftOutOfXmlAnswers() {
        Open311Checks.Key owner = newIntegratorKey();
        Map<String, String> fields = form(owner.apiKey(), PUBLIC_TYPE);
        String description = "Скамейка\u0001 сломана\u0008\u000B\u000C\u001F\uFFFE\uFFFF, ножка\tотвалилась\nдавно";
        fields.put("description", description);
        post("json", fields).statusCode(400);
        fields.put("description", "Скамейка сломана, ножка отвалилась давно");
        String number = create(fields);
        QuarkusTransaction.requiringNew().run(() -> Appeal.update("description = ?1 where number = ?2", description, number));

        String xml = given().queryParam("api_key", owner.apiKey()).get("/open311/v2/requests.xml")
                .then().statusCode(200).extract().asString();
        Element mine = children(xmlRoot(xml, "service_requests")).stream()
                .filter(request -> number.equals(childText(request, "service_request_id"))).findFirst().orElseThrow();
        assertThat(childText(mine, "description")).isEqualTo("Скамейка сломана, ножка\tотвалилась\nдавно");
        String one = given().queryParam("api_key", owner.apiKey()).get("/open311/v2/requests/" + number + ".xml")
                .then().statusCode(200).extract().asString();
        assertThat(childText(children(xmlRoot(one, "service_requests")).get(0), "description"))
                .isEqualTo("Скамейка сломана, ножка\tотвалилась\nдавно");
        // JSON can carry them escaped, and does: it says what was filed
        given().queryParam("api_key", owner.apiKey()).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].description", equalTo(description));
    }

    private static String create(Map<String, String> fields) {
        return json(post("json", fields).statusCode(200).extract().asString()).get(0).get("service_request_id").asText();
    }

    private static Appeal load(String number) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>find("number", number).firstResult());
    }
}
