package ru.spb.feedback.appeals.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealFixtures;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static ru.spb.feedback.appeals.open311.Open311Checks.TIME_WITH_OFFSET;
import static ru.spb.feedback.appeals.open311.Open311Checks.assertConforms;
import static ru.spb.feedback.appeals.open311.Open311Checks.assertSpecError;
import static ru.spb.feedback.appeals.open311.Open311Checks.childNames;
import static ru.spb.feedback.appeals.open311.Open311Checks.childText;
import static ru.spb.feedback.appeals.open311.Open311Checks.children;
import static ru.spb.feedback.appeals.open311.Open311Checks.form;
import static ru.spb.feedback.appeals.open311.Open311Checks.json;
import static ru.spb.feedback.appeals.open311.Open311Checks.newIntegratorKey;
import static ru.spb.feedback.appeals.open311.Open311Checks.post;
import static ru.spb.feedback.appeals.open311.Open311Checks.xmlRoot;

/** POST requests, GET requests and GET requests/{id}: creation, visibility, filters, errors, the way to closed. */
@QuarkusTest
class Open311RequestsTest {

    private static final String PUBLIC_TYPE = AppealFixtures.FURNITURE_PROPOSAL;
    private static final String PHOTO_TYPE = AppealFixtures.PARKING_BARRIER;
    /** «Неудовлетворительное состояние территории двора (искл.)»: not public in the classifier, no photo required. */
    private static final String NON_PUBLIC_TYPE = "7";
    private static final Instant DUE = Instant.parse("2027-01-18T20:59:59Z");
    /** The field order of the spec's request element. */
    private static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicWriter writer() {
        return TopicWriter.on(bootstrapServers);
    }

    @Test
    void aRequestBecomesAnOpen311AppealOwnedByTheIntegratorsAccountForThePerson() {
        Open311Checks.Key key = newIntegratorKey();
        Map<String, String> fields = form(key.apiKey(), PUBLIC_TYPE);
        fields.put("jurisdiction_id", "spb.ru");
        fields.put("media_url", "https://photos.example.org/bench.jpg");
        fields.put("attribute[official]", "false");

        String body = post("json", fields).statusCode(200).contentType(startsWith("application/json")).extract().asString();
        JsonNode created = json(body);
        assertThat(created).hasSize(1);
        String number = created.get(0).get("service_request_id").asText();
        assertThat(number).matches("SPB-\\d{4}-\\d{6}");
        assertThat(created.get(0).get("service_notice").asText()).contains("раб. дн.");
        assertThat(created.get(0).get("account_id").asText()).isEqualTo(fields.get("account_id"));

        Appeal appeal = load(number);
        assertThat(appeal.channel).isEqualTo(AppealRegistered.Channel.OPEN311);
        assertThat(appeal.official).isFalse();
        assertThat(appeal.integratorId).isEqualTo(key.integratorId());
        assertThat(appeal.citizenId).startsWith("open311:" + key.integratorId() + ":")
                .doesNotContain(fields.get("account_id")).doesNotContain(fields.get("email"));
        assertThat(appeal.contactEmail).isEqualTo(fields.get("email"));
        assertThat(appeal.contactName).isEqualTo("Пётр Иванов");
        assertThat(appeal.mediaUrl).isEqualTo("https://photos.example.org/bench.jpg");
        assertThat(appeal.lat).isEqualTo(59.9375);

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> appeal.id.toString().equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            EventEnvelope event = EventCodec.decode(record.value());
            AppealRegistered registered = event.payloadAs(AppealRegistered.class);
            assertThat(registered.channel()).isEqualTo(AppealRegistered.Channel.OPEN311);
            assertThat(registered.integratorId()).isEqualTo(key.integratorId());
            assertThat(registered.contact().email()).isEqualTo(fields.get("email"));
            assertThat(registered.official()).isFalse();
            assertThat(event.citizenId()).isEqualTo(appeal.citizenId);
        }

        // the same person (account_id) through another integrator is another owner
        Open311Checks.Key other = newIntegratorKey();
        Map<String, String> again = form(other.apiKey(), PUBLIC_TYPE);
        again.put("account_id", fields.get("account_id"));
        String otherNumber = json(post("json", again).statusCode(200).extract().asString()).get(0).get("service_request_id").asText();
        assertThat(load(otherNumber).citizenId).isNotEqualTo(appeal.citizenId);
        // and the same account again through the first integrator is the same owner
        Map<String, String> third = form(key.apiKey(), PUBLIC_TYPE);
        third.put("account_id", fields.get("account_id"));
        assertThat(load(json(post("json", third).statusCode(200).extract().asString()).get(0).get("service_request_id").asText()).citizenId)
                .isEqualTo(appeal.citizenId);
    }

    @Test
    void theXmlAnswerToCreatingHasTheSpecsElements() {
        Open311Checks.Key key = newIntegratorKey();
        Map<String, String> fields = form(key.apiKey(), PUBLIC_TYPE);
        fields.remove("account_id");
        String xml = post("xml", fields).statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        Element root = xmlRoot(xml, "service_requests");
        assertThat(childNames(root)).containsExactly("request");
        Element request = children(root).get(0);
        assertThat(childNames(request)).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(childText(request, "service_request_id")).matches("SPB-\\d{4}-\\d{6}");
        assertThat(childText(request, "account_id")).isEmpty();
        assertThat(xml).contains("<account_id/>");
    }

    @Test
    void aRequestIsReadBackInBothFormatsConformingToTheSchemas() {
        Open311Checks.Key key = newIntegratorKey();
        Map<String, String> fields = form(key.apiKey(), PUBLIC_TYPE);
        String number = create(fields);

        String json = given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + number + ".json")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        JsonNode request = assertConforms(json, "requests.json").get(0);
        List<String> names = new java.util.ArrayList<>();
        request.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(request.get("service_request_id").asText()).isEqualTo(number);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("status_notes").asText()).isEqualTo("Зарегистрировано, определяется исполнитель");
        assertThat(request.get("service_code").asText()).isEqualTo(PUBLIC_TYPE);
        assertThat(request.get("service_name").asText()).startsWith("Предложения по установке");
        assertThat(request.get("description").asText()).isEqualTo(fields.get("description"));
        assertThat(request.get("address").asText()).isEqualTo("Адмиралтейский пр., 1");
        assertThat(request.get("requested_datetime").asText()).matches(TIME_WITH_OFFSET).endsWith("+03:00");
        assertThat(request.get("updated_datetime").asText()).matches(TIME_WITH_OFFSET);
        assertThat(request.get("expected_datetime").isNull()).isTrue();
        assertThat(request.get("agency_responsible").isNull()).isTrue();
        assertThat(request.get("lat").isNumber()).isTrue();
        assertThat(request.get("lat").asDouble()).isEqualTo(59.9375);
        assertThat(request.get("long").asDouble()).isEqualTo(30.3086);

        String xml = given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + number + ".xml")
                .then().statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        Element root = xmlRoot(xml, "service_requests");
        assertThat(childNames(root)).containsExactly("request");
        Element element = children(root).get(0);
        assertThat(childNames(element)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(childText(element, "service_request_id")).isEqualTo(number);
        assertThat(childText(element, "requested_datetime")).isEqualTo(request.get("requested_datetime").asText());
        assertThat(childText(element, "lat")).isEqualTo("59.9375");
        assertThat(childText(element, "expected_datetime")).isEmpty();
    }

    @Test
    void anOpen311RequestIsRoutedWorkedInThePlatformAndFollowedToClosed() {
        Open311Checks.Key key = newIntegratorKey();
        String number = create(form(key.apiKey(), PUBLIC_TYPE));
        String id = load(number).id.toString();

        writer().send(Topics.ROUTING_EVENTS, AppealFixtures.routedToAdmiralteysky(id, DUE));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("api_key", key.apiKey())
                .get("/open311/v2/requests/" + number + ".json").then()
                .body("[0].agency_responsible", equalTo("Адмиралтейский округ"))
                .body("[0].expected_datetime", equalTo("2027-01-18T23:59:59+03:00"))
                .body("[0].status", equalTo("open"))
                .body("[0].status_notes", equalTo("Направлено исполнителю: Местная администрация муниципального округа Адмиралтейский округ")));

        // the responsible officer works it in the platform's own API
        String officer = TestTokens.officer("officer-" + UUID.randomUUID(), "1123300");
        given().auth().oauth2(officer).queryParam("status", "ROUTED").get("/api/v1/officer/appeals?size=100")
                .then().statusCode(200).body("items.number", org.hamcrest.Matchers.hasItem(number));
        given().auth().oauth2(officer).get("/api/v1/officer/appeals/" + id)
                .then().statusCode(200).body("contact", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(officer).post("/api/v1/officer/appeals/" + id + "/accept").then().statusCode(200);
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + number + ".json")
                .then().body("[0].status", equalTo("open")).body("[0].status_notes", startsWith("В работе: "));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"text\": \"Скамейку установим до конца месяца.\"}")
                .post("/api/v1/officer/appeals/" + id + "/answer").then().statusCode(200).body("status", equalTo("ANSWERED"));

        JsonNode owned = assertConforms(given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + number + ".json")
                .then().statusCode(200).extract().asString(), "requests.json").get(0);
        assertThat(owned.get("status").asText()).isEqualTo("closed");
        assertThat(owned.get("status_notes").asText()).isEqualTo("Дан ответ: Скамейку установим до конца месяца.");
        assertThat(Instant.parse(owned.get("updated_datetime").asText().replace("+03:00", "Z")))
                .isAfter(Instant.parse(owned.get("requested_datetime").asText().replace("+03:00", "Z")).minusSeconds(1));
        // the public sees that it was answered, not what the answer says (it may address the person)
        given().get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].status", equalTo("closed")).body("[0].status_notes", equalTo("Дан ответ"));
        // and a closed-status filter finds it
        given().queryParam("api_key", key.apiKey()).queryParam("status", "closed").queryParam("service_request_id", number)
                .get("/open311/v2/requests.json").then().body("service_request_id", equalTo(List.of(number)));

        QuarkusTransaction.requiringNew().run(() -> Appeal.<Appeal>findById(UUID.fromString(id)).status = AppealStatus.CLOSED);
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + number + ".xml").then()
                .body(containsString("<status>closed</status>"))
                .body(containsString("<status_notes>Закрыто: Скамейку установим до конца месяца.</status_notes>"));
    }

    @Test
    void anAddressWithoutCoordinatesGoesToTriage() {
        Open311Checks.Key key = newIntegratorKey();
        Map<String, String> fields = form(key.apiKey(), PUBLIC_TYPE);
        fields.remove("lat");
        fields.remove("long");
        fields.put("address_string", "Садовая ул., 50, Санкт-Петербург");
        String number = create(fields);
        Appeal appeal = load(number);
        assertThat(appeal.lat).isNull();
        assertThat(appeal.lon).isNull();
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            EventEnvelope event = EventCodec.decode(reader.await(r -> appeal.id.toString().equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value());
            assertThat(event.payloadAs(AppealRegistered.class).location()).isNull();
        }
        // routing-service answers an appeal without coordinates with triage (NO_LOCATION)
        writer().send(Topics.ROUTING_EVENTS, EventEnvelope.wrap(new TriageRequired(TriageRequired.Reason.NO_LOCATION,
                        "The appeal has no coordinates", List.of()),
                new EventEnvelope.AppealRef(appeal.id, number, appeal.citizenId, null), Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("api_key", key.apiKey())
                .get("/open311/v2/requests/" + number + ".json").then()
                .body("[0].status", equalTo("open"))
                .body("[0].status_notes", equalTo("Исполнителя определяет модератор"))
                .body("[0].lat", org.hamcrest.Matchers.nullValue())
                .body("[0].address", equalTo("Садовая ул., 50, Санкт-Петербург")));
        given().auth().oauth2(TestTokens.moderator("moderator-1")).get("/api/v1/moderator/appeals/" + appeal.id)
                .then().statusCode(200).body("status", equalTo("TRIAGE")).body("location", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void withoutAKeyReadsShowOnlyPublicRequestsAndNothingOfThePerson() {
        Open311Checks.Key key = newIntegratorKey();
        Map<String, String> fields = form(key.apiKey(), PUBLIC_TYPE);
        String open = create(fields);
        String hidden = create(form(key.apiKey(), NON_PUBLIC_TYPE));
        String citizen = AppealFixtures.newCitizen();
        String officialId = AppealFixtures.submit(citizen, AppealFixtures.validBody().replace("}", ", \"official\": true}")
                        .replace("}, \"official\": true}", "}, \"official\": true}"))
                .statusCode(201).extract().path("id");
        String official = QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>findById(UUID.fromString(officialId)).number);
        String spam = create(form(key.apiKey(), PUBLIC_TYPE));
        reject(spam, ru.spb.feedback.contracts.AppealRejected.Reason.SPAM, "Реклама");

        String body = given().queryParam("service_request_id", String.join(",", open, hidden, official, spam))
                .get("/open311/v2/requests.json").then().statusCode(200).extract().asString();
        assertThat(assertConforms(body, "requests.json")).extracting(node -> node.get("service_request_id").asText()).containsExactly(open);
        for (String personal : List.of(fields.get("email"), "Пётр", "Иванов", "555-01-01", fields.get("account_id"), key.integratorId())) {
            assertThat(body).doesNotContain(personal);
        }
        given().get("/open311/v2/requests/" + hidden + ".json").then().statusCode(404);
        given().get("/open311/v2/requests/" + official + ".xml").then().statusCode(404).body(containsString("<code>404</code>"));
        assertSpecError(given().get("/open311/v2/requests/" + spam + ".json").then().statusCode(404).extract().asString(),
                404, "service_request_id not found");

        // the owner's key sees its non-public and rejected requests in full; another integrator's key does not
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + hidden + ".json").then().statusCode(200)
                .body("[0].service_code", equalTo(NON_PUBLIC_TYPE));
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests/" + spam + ".json").then().statusCode(200)
                .body("[0].status", equalTo("closed")).body("[0].status_notes", equalTo("Отклонено: спам. Реклама"));
        Open311Checks.Key stranger = newIntegratorKey();
        given().queryParam("api_key", stranger.apiKey()).get("/open311/v2/requests/" + hidden + ".json").then().statusCode(404);
        given().queryParam("api_key", stranger.apiKey()).get("/open311/v2/requests/" + open + ".json").then().statusCode(200);
        given().get("/open311/v2/requests/SPB-1999-000000.json").then().statusCode(404);
    }

    @Test
    void aKeyScopedToAMunicipalitySeesOthersRequestsThereOnly() {
        Open311Checks.Key owner = newIntegratorKey();
        String routed = create(form(owner.apiKey(), PUBLIC_TYPE));
        String unrouted = create(form(owner.apiKey(), PUBLIC_TYPE));
        writer().send(Topics.ROUTING_EVENTS, AppealFixtures.routedToAdmiralteysky(load(routed).id.toString(), DUE));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(routed).municipalityCode != null);

        Open311Checks.Key scoped = newIntegratorKey("1123300", 1000);
        given().queryParam("api_key", scoped.apiKey()).queryParam("service_request_id", routed + "," + unrouted)
                .get("/open311/v2/requests.json").then().statusCode(200).body("service_request_id", equalTo(List.of(routed)));
        Open311Checks.Key elsewhere = newIntegratorKey("1114805", 1000);
        given().queryParam("api_key", elsewhere.apiKey()).queryParam("service_request_id", routed + "," + unrouted)
                .get("/open311/v2/requests.json").then().statusCode(200).body("size()", equalTo(0));
        // its own requests it sees wherever they are
        String own = create(form(elsewhere.apiKey(), PUBLIC_TYPE));
        given().queryParam("api_key", elsewhere.apiKey()).get("/open311/v2/requests/" + own + ".json").then().statusCode(200);
    }

    @Test
    void theListFiltersByCodeStatusAndDatesNewestFirst() {
        Open311Checks.Key key = newIntegratorKey();
        String bench = create(form(key.apiKey(), PUBLIC_TYPE));
        String hidden = create(form(key.apiKey(), NON_PUBLIC_TYPE));
        String later = create(form(key.apiKey(), PUBLIC_TYPE));

        List<String> mine = given().queryParam("api_key", key.apiKey()).queryParam("service_code", PUBLIC_TYPE + "," + NON_PUBLIC_TYPE)
                .get("/open311/v2/requests.json").then().statusCode(200).extract().path("service_request_id");
        assertThat(mine).containsSubsequence(later, hidden, bench);
        List<String> benches = given().queryParam("api_key", key.apiKey()).queryParam("service_code", NON_PUBLIC_TYPE)
                .get("/open311/v2/requests.json").then().extract().path("service_request_id");
        assertThat(benches).contains(hidden).doesNotContain(bench, later);
        List<String> closed = given().queryParam("api_key", key.apiKey()).queryParam("status", "closed")
                .get("/open311/v2/requests.json").then().extract().path("service_request_id");
        assertThat(closed).doesNotContain(bench, hidden, later);
        List<String> open = given().queryParam("api_key", key.apiKey()).queryParam("status", "open,closed")
                .queryParam("start_date", "2020-01-01T00:00:00+03:00").queryParam("end_date", "2020-02-01T00:00:00Z")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().path("service_request_id");
        assertThat(open).isEmpty();
        // an unencoded "+03:00" arrives as a space, and is still read
        given().queryParam("api_key", key.apiKey()).queryParam("service_code", PUBLIC_TYPE)
                .queryParam("start_date", java.time.OffsetDateTime.now().minusHours(1).withNano(0).toString().replace("+", " "))
                .urlEncodingEnabled(true)
                .get("/open311/v2/requests.json").then().statusCode(200);
        given().queryParam("start_date", java.time.LocalDate.now(CityTime.ZONE).toString())
                .get("/open311/v2/requests.xml").then().statusCode(200).contentType(startsWith("text/xml"))
                .body(startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests>"));
    }

    @Test
    void theListComesInPagesAndFiltersByMunicipality() {
        Open311Checks.Key key = newIntegratorKey();
        String here = "8" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String there = "7" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String oldest = routedTo(create(form(key.apiKey(), PUBLIC_TYPE)), here);
        String middle = routedTo(create(form(key.apiKey(), PUBLIC_TYPE)), here);
        String newest = routedTo(create(form(key.apiKey(), PUBLIC_TYPE)), here);
        String elsewhere = routedTo(create(form(key.apiKey(), PUBLIC_TYPE)), there);
        create(form(key.apiKey(), PUBLIC_TYPE)); // not routed: in no municipality

        // without paging: every request of the municipality, newest first (the default page is the longest)
        assertThat(given().queryParam("municipality_code", here).get("/open311/v2/requests.json").then().statusCode(200)
                .extract().<List<String>>path("service_request_id")).containsExactly(newest, middle, oldest);
        assertThat(given().queryParam("municipality_code", here + "," + there).queryParam("page_size", 1000)
                .get("/open311/v2/requests.json").then().statusCode(200)
                .extract().<List<String>>path("service_request_id")).containsExactly(elsewhere, newest, middle, oldest);
        // the same with the key: its own requests, filtered the same way
        assertThat(given().queryParam("api_key", key.apiKey()).queryParam("municipality_code", there)
                .get("/open311/v2/requests.json").then().statusCode(200)
                .extract().<List<String>>path("service_request_id")).containsExactly(elsewhere);

        assertThat(page("json", here, "1", "2")).containsExactly(newest, middle);
        assertThat(page("json", here, "2", "2")).containsExactly(oldest);
        assertThat(page("json", here, "3", "2")).isEmpty();
        assertThat(page("json", here, "2147483647", "1000")).isEmpty();
        assertThat(page("json", here, null, "1")).containsExactly(newest);
        given().queryParam("municipality_code", here).queryParam("page", 3).queryParam("page_size", 2)
                .get("/open311/v2/requests.json").then().statusCode(200).body(equalTo("[]"));

        String xml = given().queryParam("municipality_code", here).queryParam("page", 2).queryParam("page_size", 2)
                .get("/open311/v2/requests.xml").then().statusCode(200).contentType(startsWith("text/xml")).extract().asString();
        Element root = xmlRoot(xml, "service_requests");
        assertThat(children(root)).hasSize(1);
        assertThat(childText(children(root).get(0), "service_request_id")).isEqualTo(oldest);
        assertThat(children(xmlRoot(given().queryParam("municipality_code", here).queryParam("page", 9)
                .get("/open311/v2/requests.xml").then().statusCode(200).extract().asString(), "service_requests"))).isEmpty();
    }

    @Test
    void badPagingIs400ListingEveryProblem() {
        for (String page : List.of("0", "-1", "abc", "1.5", "99999999999999999999")) {
            assertSpecError(given().queryParam("page", page).get("/open311/v2/requests.json").then().statusCode(400)
                    .extract().asString(), 400, "page must be a whole number from 1");
        }
        for (String size : List.of("0", "-5", "1001", "ten", "")) {
            if (size.isEmpty()) {
                // an empty value is the default, as for every other filter
                given().queryParam("page_size", size).get("/open311/v2/requests.json").then().statusCode(200);
                continue;
            }
            assertSpecError(given().queryParam("page_size", size).get("/open311/v2/requests.json").then().statusCode(400)
                    .extract().asString(), 400, "page_size must be a whole number from 1 to 1000");
        }
        assertSpecError(given().queryParam("page", 0).queryParam("page_size", 1001).queryParam("status", "pending")
                        .get("/open311/v2/requests.json").then().statusCode(400).extract().asString(),
                400, "status must be open or closed", "page must be a whole number from 1", "page_size must be a whole number from 1 to 1000");
        given().queryParam("page_size", 1001).get("/open311/v2/requests.xml").then().statusCode(400)
                .contentType(startsWith("text/xml"))
                .body(containsString("<error><code>400</code><description>page_size must be a whole number from 1 to 1000</description></error>"));
    }

    @Test
    void badFiltersAre400sListingEveryProblem() {
        assertSpecError(given().queryParam("status", "pending").queryParam("start_date", "yesterday")
                        .get("/open311/v2/requests.json").then().statusCode(400).extract().asString(),
                400, "status must be open or closed", "start_date is not an ISO 8601 time");
        assertSpecError(given().queryParam("start_date", "2026-01-01T00:00:00+03:00").queryParam("end_date", "2026-06-01T00:00:00+03:00")
                .get("/open311/v2/requests.json").then().statusCode(400).extract().asString(), 400, "start_date and end_date may be at most 90 days apart");
        assertSpecError(given().queryParam("start_date", "2026-06-01T00:00:00Z").queryParam("end_date", "2026-05-01T00:00:00Z")
                .get("/open311/v2/requests.json").then().statusCode(400).extract().asString(), 400, "end_date is before start_date");
        given().queryParam("status", "pending").get("/open311/v2/requests.xml").then().statusCode(400)
                .contentType(startsWith("text/xml")).body(containsString("<description>status must be open or closed</description>"));
        given().queryParam("jurisdiction_id", "city.gov").get("/open311/v2/requests.json").then().statusCode(404);
        given().queryParam("api_key", "wrong").get("/open311/v2/requests.json").then().statusCode(403);
        given().queryParam("api_key", "wrong").get("/open311/v2/requests/SPB-2026-000001.xml").then().statusCode(403);
        given().get("/open311/v2/requests.yaml").then().statusCode(404);
    }

    @Test
    void creatingNeedsAValidKey() {
        Map<String, String> fields = form("", PUBLIC_TYPE);
        fields.remove("api_key");
        assertSpecError(post("json", fields).statusCode(403).extract().asString(), 403, "api_key was not provided");
        post("xml", fields).statusCode(403).contentType(startsWith("text/xml")).body(containsString("<code>403</code>"));
        assertSpecError(post("json", form("spb311_unknown", PUBLIC_TYPE)).statusCode(403).extract().asString(), 403, "Invalid api_key");

        Open311Checks.Key key = newIntegratorKey();
        given().auth().oauth2(Open311Checks.ADMIN).delete("/api/v1/admin/integrator-keys/" + key.id()).then().statusCode(200);
        post("json", form(key.apiKey(), PUBLIC_TYPE)).statusCode(403);
    }

    @Test
    void badFormsAre400sAndStoreNothing() {
        Open311Checks.Key key = newIntegratorKey();
        Map<String, String> empty = Map.of("api_key", key.apiKey());
        assertSpecError(post("json", empty).statusCode(400).extract().asString(), 400,
                "service_code was not provided", "a location is required", "description was not provided");

        Map<String, String> malformed = form(key.apiKey(), PUBLIC_TYPE);
        malformed.put("lat", "north");
        malformed.put("email", "not-an-address");
        malformed.put("phone", "call me");
        malformed.put("media_url", "ftp://photos.example.org/1.jpg");
        malformed.put("description", "x".repeat(4001));
        String errors = post("json", malformed).statusCode(400).extract().asString();
        assertSpecError(errors, 400, "lat is not a number", "email is not an e-mail address", "phone may hold only",
                "description is longer than 4000", "media_url is not an http or https URL");
        assertThat(errors).doesNotContain("not-an-address").doesNotContain("call me");

        // the same description rule as the API's (AppealValidationTest): at least 10 characters besides spaces
        Map<String, String> tooShort = form(key.apiKey(), PUBLIC_TYPE);
        tooShort.put("description", "x");
        assertSpecError(post("json", tooShort).statusCode(400).extract().asString(), 400,
                "description must have at least 10 characters besides spaces");
        tooShort.put("description", "   a    b   ");
        assertSpecError(post("json", tooShort).statusCode(400).extract().asString(), 400,
                "description must have at least 10 characters besides spaces");

        Map<String, String> half = form(key.apiKey(), PUBLIC_TYPE);
        half.remove("long");
        assertSpecError(post("json", half).statusCode(400).extract().asString(), 400, "lat and long must be given together");
        Map<String, String> addressId = form(key.apiKey(), PUBLIC_TYPE);
        addressId.remove("lat");
        addressId.remove("long");
        addressId.remove("address_string");
        addressId.put("address_id", "545483");
        assertSpecError(post("json", addressId).statusCode(400).extract().asString(), 400, "address_id is not supported");

        Map<String, String> outside = form(key.apiKey(), PUBLIC_TYPE);
        outside.put("lat", "55.7558");
        outside.put("long", "37.6173");
        assertSpecError(post("json", outside).statusCode(400).extract().asString(), 400, "lat and long lie outside St. Petersburg");

        Map<String, String> official = form(key.apiKey(), PUBLIC_TYPE);
        official.put("attribute[official]", "true");
        official.put("attribute[colour]", "red");
        assertSpecError(post("json", official).statusCode(400).extract().asString(), 400,
                "attribute[colour] is not an attribute of this service", "attribute[official] must be false");

        assertSpecError(post("json", form(key.apiKey(), PHOTO_TYPE)).statusCode(400).extract().asString(), 400,
                "media_url is required");
        Map<String, String> withPhoto = form(key.apiKey(), PHOTO_TYPE);
        withPhoto.put("media_url", "https://photos.example.org/barrier.jpg");
        post("json", withPhoto).statusCode(200);

        assertSpecError(post("json", form(key.apiKey(), "no-such-type")).statusCode(404).extract().asString(), 404, "service_code not found");
        Map<String, String> jurisdiction = form(key.apiKey(), PUBLIC_TYPE);
        jurisdiction.put("jurisdiction_id", "city.gov");
        assertSpecError(post("json", jurisdiction).statusCode(404).extract().asString(), 404, "jurisdiction_id not found");

        given().contentType(ContentType.JSON).body("{\"service_code\": \"255\"}").post("/open311/v2/requests.json")
                .then().statusCode(415).body("[0].code", equalTo(415));
        given().contentType(ContentType.URLENC).body("api_key=" + key.apiKey() + "&description=%zz").post("/open311/v2/requests.xml")
                .then().statusCode(400).body(containsString("not properly URL-encoded"));
        given().contentType(ContentType.URLENC).queryParam("service_code", "255")
                .body("api_key=" + key.apiKey() + "&service_code=255").post("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", equalTo("service_code was given more than once"));

        // only the photo request above was stored
        long stored = QuarkusTransaction.requiringNew().call(() -> Appeal.count("integratorId", key.integratorId()));
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void aKeysRequestsPerMinuteAreLimited() {
        Open311Checks.Key key = newIntegratorKey(null, 2);
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/services.json").then().statusCode(200);
        given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests.json").then().statusCode(200);
        var refused = given().queryParam("api_key", key.apiKey()).get("/open311/v2/requests.json").then().statusCode(429);
        assertSpecError(refused.extract().asString(), 429, "Too many requests with this api_key");
        assertThat(Long.parseLong(refused.extract().header("Retry-After"))).isBetween(1L, 60L);
        post("xml", form(key.apiKey(), PUBLIC_TYPE)).statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("<code>429</code>"));
        // reads without the key are not counted against it
        given().get("/open311/v2/requests.json").then().statusCode(200);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"json", "xml"})
    void everyKindOfErrorComesInTheFormatThePathAsksFor(String format) {
        Open311Checks.Key key = newIntegratorKey(null, 1000);
        Map<String, String> noKey = form("", PUBLIC_TYPE);
        noKey.remove("api_key");
        Map<String, String> bad = form(key.apiKey(), PUBLIC_TYPE);
        bad.remove("description");
        Map<String, String> unknownService = form(key.apiKey(), "no-such-type");
        List<io.restassured.response.ValidatableResponse> answers = List.of(
                post(format, bad).statusCode(400),
                post(format, noKey).statusCode(403),
                post(format, unknownService).statusCode(404),
                given().contentType(ContentType.JSON).body("{}").post("/open311/v2/requests." + format).then().statusCode(415),
                given().queryParam("status", "pending").get("/open311/v2/requests." + format).then().statusCode(400),
                given().queryParam("api_key", "wrong").get("/open311/v2/requests." + format).then().statusCode(403),
                given().queryParam("jurisdiction_id", "city.gov").get("/open311/v2/requests." + format).then().statusCode(404),
                given().get("/open311/v2/requests/SPB-1999-000000." + format).then().statusCode(404),
                given().queryParam("api_key", "wrong").get("/open311/v2/requests/SPB-1999-000000." + format).then().statusCode(403),
                given().get("/open311/v2/services/no-such-type." + format).then().statusCode(404),
                given().queryParam("api_key", "wrong").get("/open311/v2/services." + format).then().statusCode(403),
                given().queryParam("jurisdiction_id", "city.gov").get("/open311/v2/services." + format).then().statusCode(404));
        for (var answer : answers) {
            var response = answer.extract();
            if (format.equals("json")) {
                assertThat(response.contentType()).startsWith("application/json");
                JsonNode errors = json(response.asString());
                assertThat(errors.get(0).get("code").asInt()).isEqualTo(response.statusCode());
                assertThat(errors.get(0).get("description").asText()).isNotBlank();
            } else {
                assertThat(response.contentType()).startsWith("text/xml");
                Element root = xmlRoot(response.asString(), "errors");
                assertThat(childNames(children(root).get(0))).containsExactly("code", "description");
                assertThat(childText(children(root).get(0), "code")).isEqualTo(String.valueOf(response.statusCode()));
            }
        }
    }

    private static String create(Map<String, String> fields) {
        return json(post("json", fields).statusCode(200).extract().asString()).get(0).get("service_request_id").asText();
    }

    /** Routes the request to a municipality of that code, as routing-service would; returns the number. */
    private String routedTo(String number, String municipalityCode) {
        UUID id = load(number).id;
        writer().send(Topics.ROUTING_EVENTS, EventEnvelope.wrap(new ru.spb.feedback.contracts.RoutingDecided(municipalityCode,
                        "Округ " + municipalityCode, "Адмиралтейский", municipalityCode, "Местная администрация", DUE,
                        ru.spb.feedback.contracts.RoutingDecided.Method.GEO, null, 1),
                new EventEnvelope.AppealRef(id, number, "someone", municipalityCode), Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> municipalityCode.equals(load(number).municipalityCode));
        return number;
    }

    /** The numbers on one page of a municipality's public requests. */
    private static List<String> page(String format, String municipalityCode, String page, String pageSize) {
        var request = given().queryParam("municipality_code", municipalityCode).queryParam("page_size", pageSize);
        if (page != null) {
            request = request.queryParam("page", page);
        }
        return request.get("/open311/v2/requests." + format).then().statusCode(200).extract().path("service_request_id");
    }

    private static Appeal load(String number) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>find("number", number).firstResult());
    }

    private static void reject(String number, ru.spb.feedback.contracts.AppealRejected.Reason reason, String note) {
        String id = load(number).id.toString();
        given().auth().oauth2(TestTokens.moderator("moderator-1")).contentType(ContentType.JSON)
                .body("{\"reason\": \"" + reason + "\", \"note\": \"" + note + "\"}")
                .post("/api/v1/moderator/appeals/" + id + "/reject").then().statusCode(200);
    }
}
