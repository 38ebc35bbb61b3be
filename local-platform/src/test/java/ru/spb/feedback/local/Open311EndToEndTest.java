package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import ru.spb.feedback.testsupport.TestTokens;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.local.AppealsApi.JSON;
import static ru.spb.feedback.local.GatewayEndToEndTest.ADMIRALTEYSKY;
import static ru.spb.feedback.local.GatewayEndToEndTest.ADMIRALTEYSKY_CODE;

/**
 * Open311 GeoReport v2 on the whole platform, through the gateway only: an admin issues an
 * integrator's key; a client that knows only the spec lists the services, files a request in
 * Адмиралтейский округ, follows it until routing names the agency and the expected time, and
 * reads it closed with the answer once the municipality's officer has answered it in the
 * platform's own API, while the public reads it without the answer and without the person; the
 * e-mail address in the form gets the platform's e-mails. A request with only an address waits
 * for a moderator; a revoked key is refused in the spec's error form.
 */
@ExtendWith(WholePlatform.Resolver.class)
class Open311EndToEndTest {

    private static final String ADMIN = TestTokens.admin("e2e-open311-admin");
    private static final String SERVICE_CODE = "255";
    private static final String FIRST_NAME = "Аркадий";
    private static final String LAST_NAME = "Подъездов";
    private static final String PHONE = "+7 (812) 555-01-23";

    private static WholePlatform platform;
    private static AppealsApi api;
    private static Open311Client integrator;

    @BeforeAll
    static void issueAKey(WholePlatform wholePlatform) throws Exception {
        platform = wholePlatform;
        api = wholePlatform.appeals();
        JsonNode issued = issueKey("e2e-open311-" + UUID.randomUUID(), "Мобильное приложение «Мой район»");
        String apiKey = issued.get("apiKey").asText();
        assertThat(apiKey).startsWith(issued.get("keyPrefix").asText());
        // shown once: the key's record never carries it again
        assertThat(api.read(ADMIN, "/api/v1/admin/integrator-keys/" + issued.get("id").asText()).has("apiKey")).isFalse();
        integrator = Open311Client.at(wholePlatform.gatewayUrl(), apiKey);
    }

    @Test
    void theServicesAndADefinitionAreReadInJsonAndXml() throws Exception {
        Open311Client anyone = integrator.anonymous();
        JsonNode services = anyone.json("services.json");
        JsonNode bench = item(services, "service_code", SERVICE_CODE);
        assertThat(bench).as("service " + SERVICE_CODE + " in " + services).isNotNull();
        assertThat(bench.get("metadata").asBoolean()).isTrue();
        assertThat(bench.get("type").asText()).isEqualTo("realtime");
        assertThat(bench.get("service_name").asText()).isNotBlank();
        assertThat(bench.get("group").asText()).isNotBlank();

        Document xml = anyone.xml("services.xml");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(texts(xml, "service_code")).containsExactlyElementsOf(services.findValuesAsText("service_code"));

        JsonNode definition = integrator.json("services/" + SERVICE_CODE + ".json");
        assertThat(definition.get("service_code").asText()).isEqualTo(SERVICE_CODE);
        JsonNode official = item(definition.get("attributes"), "code", "official");
        assertThat(official.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(official.get("values").findValuesAsText("key")).containsExactly("false");
        Document definitionXml = anyone.xml("services/" + SERVICE_CODE + ".xml");
        assertThat(definitionXml.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(texts(definitionXml, "code")).contains("official");
    }

    @Test
    void aRequestIsRoutedAnsweredInThePlatformAndReadClosedWithoutThePersonsDataByThePublic() throws Exception {
        String email = "e2e-open311-" + UUID.randomUUID() + "@example.org";
        String accountId = "pos-account-" + UUID.randomUUID();
        String answer = "Блоки убраны, проезд во двор свободен";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", SERVICE_CODE);
        form.put("lat", String.valueOf(ADMIRALTEYSKY[0]));
        form.put("long", String.valueOf(ADMIRALTEYSKY[1]));
        form.put("email", email);
        form.put("first_name", FIRST_NAME);
        form.put("last_name", LAST_NAME);
        form.put("phone", PHONE);
        form.put("account_id", accountId);
        form.put("description", "Во дворе поставили бетонные блоки, не проехать скорой");

        HttpResponse<String> created = integrator.post("requests.json", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode receipt = JSON.readTree(created.body());
        assertThat(receipt.size()).isEqualTo(1);
        String id = receipt.get(0).get("service_request_id").asText();
        assertThat(id).matches("SPB-\\d{4}-\\d{6}");
        assertThat(receipt.get(0).get("account_id").asText()).isEqualTo(accountId);
        assertThat(receipt.get(0).get("service_notice").asText()).isNotBlank();

        // routing decides over Kafka; the client sees it as the agency and the expected time
        String file = "requests/" + id + ".json";
        Eventually.await("agency_responsible and expected_datetime of " + id, () -> {
            JsonNode request = integrator.json(file).get(0);
            return request.hasNonNull("agency_responsible") && request.hasNonNull("expected_datetime");
        });
        JsonNode routed = integrator.json(file).get(0);
        assertThat(routed.get("service_request_id").asText()).isEqualTo(id);
        assertThat(routed.get("service_code").asText()).isEqualTo(SERVICE_CODE);
        assertThat(routed.get("status").asText()).isEqualTo("open");
        assertThat(routed.get("lat").asDouble()).isEqualTo(ADMIRALTEYSKY[0]);
        assertThat(routed.get("long").asDouble()).isEqualTo(ADMIRALTEYSKY[1]);
        OffsetDateTime expected = OffsetDateTime.parse(routed.get("expected_datetime").asText());
        assertThat(expected.getOffset()).isEqualTo(ZoneOffset.ofHours(3));

        // the organization's officer finds it in the platform's own API: the same appeal, the same deadline
        String officer = TestTokens.officer("e2e-open311-officer", ADMIRALTEYSKY_CODE);
        JsonNode queued = item(api.read(officer, "/api/v1/officer/appeals?size=100").get("items"), "number", id);
        assertThat(queued).as(id + " in the queue of organization " + ADMIRALTEYSKY_CODE).isNotNull();
        String path = "/api/v1/officer/appeals/" + queued.get("id").asText();
        JsonNode appeal = api.read(officer, path);
        assertThat(appeal.at("/municipality/code").asText()).isEqualTo(ADMIRALTEYSKY_CODE);
        assertThat(routed.get("agency_responsible").asText()).isEqualTo(appeal.at("/municipality/name").asText());
        assertThat(routed.get("status_notes").asText()).contains(appeal.at("/organization/name").asText());
        assertThat(expected.toInstant()).isEqualTo(Instant.parse(appeal.get("dueAt").asText()).truncatedTo(ChronoUnit.SECONDS));

        api.step(officer, path + "/accept", null);
        assertThat(integrator.json(file).get(0).get("status").asText()).isEqualTo("open");
        api.step(officer, path + "/answer", "{\"text\": \"" + answer + "\"}");

        // the key's owner reads the answer
        JsonNode answered = integrator.json(file).get(0);
        assertThat(answered.get("status").asText()).isEqualTo("closed");
        assertThat(answered.get("status_notes").asText()).contains(answer);

        // the public reads it closed, without the answer and without the person, in both formats
        List<String> personal = List.of(email, FIRST_NAME, LAST_NAME, PHONE, "555-01-23", accountId);
        HttpResponse<String> publicJson = integrator.anonymous().get(file);
        assertThat(publicJson.statusCode()).as(publicJson.body()).isEqualTo(200);
        JsonNode seenByAnyone = JSON.readTree(publicJson.body()).get(0);
        assertThat(seenByAnyone.get("status").asText()).isEqualTo("closed");
        assertThat(seenByAnyone.get("status_notes").asText()).doesNotContain(answer);
        assertThat(publicJson.body()).doesNotContain(personal);
        HttpResponse<String> publicXml = integrator.anonymous().get("requests/" + id + ".xml");
        assertThat(publicXml.statusCode()).as(publicXml.body()).isEqualTo(200);
        Document xml = Open311Client.parse(publicXml.body());
        assertThat(texts(xml, "service_request_id")).containsExactly(id);
        assertThat(texts(xml, "status")).containsExactly("closed");
        assertThat(publicXml.body()).doesNotContain(personal).doesNotContain(answer);
        // and finds it by the spec's filters
        assertThat(integrator.anonymous().json("requests.json", Map.of("service_request_id", id)).findValuesAsText("status"))
                .containsExactly("closed");
        assertThat(integrator.json("requests.json", Map.of("service_code", SERVICE_CODE, "status", "closed"))
                .findValuesAsText("service_request_id")).contains(id);
        assertThat(integrator.json("requests.json", Map.of("service_code", SERVICE_CODE, "status", "open"))
                .findValuesAsText("service_request_id")).doesNotContain(id);

        // the address given in the form got the platform's e-mails, one per step
        List<String> subjects = List.of("Обращение " + id + " зарегистрировано", "Обращение " + id + " направлено исполнителю",
                "Обращение " + id + " принято в работу", "Получен ответ на обращение " + id);
        Mailbox mailbox = platform.mailbox();
        Eventually.await("the e-mails to the address in the form", () -> mailbox.subjectsTo(email).containsAll(subjects));
        assertThat(mailbox.subjectsTo(email)).containsExactlyInAnyOrderElementsOf(subjects);
        MimeMessage answerMail = mailbox.to(email).get(mailbox.subjectsTo(email).indexOf("Получен ответ на обращение " + id));
        assertThat(Mailbox.text(answerMail)).contains("Здравствуйте, " + FIRST_NAME + " " + LAST_NAME + "!", answer);

        // the key travelled in query strings; the gateway logs paths only
        assertThat(platform.logOf(WholePlatform.GATEWAY)).contains("GET /open311/v2/" + file + " 200")
                .doesNotContain(integrator.apiKey());
    }

    @Test
    void aRequestWithOnlyAnAddressWaitsForAModerator() throws Exception {
        String address = "Садовая ул., 50, во дворе";
        HttpResponse<String> created = integrator.post("requests.json", Map.of(
                "service_code", SERVICE_CODE,
                "address_string", address,
                "description", "Нужна скамейка у подъезда"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = JSON.readTree(created.body()).get(0).get("service_request_id").asText();

        String moderator = TestTokens.moderator("e2e-open311-moderator");
        Eventually.await(id + " in the moderators' triage", () -> triaged(moderator, id) != null);
        JsonNode triaged = triaged(moderator, id);
        assertThat(triaged.get("reason").asText()).isEqualTo("NO_LOCATION");
        assertThat(triaged.get("lat").isNull()).isTrue();
        assertThat(triaged.get("address").asText()).isEqualTo(address);

        String file = "requests/" + id + ".json";
        Eventually.await(id + " read as waiting for a moderator",
                () -> integrator.json(file).get(0).get("status_notes").asText().contains("модератор"));
        JsonNode waiting = integrator.json(file).get(0);
        assertThat(waiting.get("status").asText()).isEqualTo("open");
        assertThat(waiting.get("address").asText()).isEqualTo(address);
        assertThat(waiting.get("lat").isNull()).isTrue();
        assertThat(waiting.get("agency_responsible").isNull()).isTrue();
        assertThat(waiting.get("expected_datetime").isNull()).isTrue();
    }

    @Test
    void aMissingOrRevokedKeyIsRefusedInTheSpecsErrorForm() throws Exception {
        JsonNode issued = issueKey("e2e-open311-revoked-" + UUID.randomUUID(), "Ключ, который отзовут");
        Open311Client revoked = Open311Client.at(platform.gatewayUrl(), issued.get("apiKey").asText());
        Map<String, String> form = Map.of("service_code", SERVICE_CODE, "address_string", "Садовая ул., 50",
                "description", "Нужна скамейка у подъезда");
        assertThat(revoked.get("requests.json", Map.of("service_code", SERVICE_CODE)).statusCode()).isEqualTo(200);

        HttpResponse<String> revocation = PlatformProcesses.call("DELETE",
                platform.gatewayUrl() + "/api/v1/admin/integrator-keys/" + issued.get("id").asText(), ADMIN, null);
        assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(200);
        assertThat(JSON.readTree(revocation.body()).hasNonNull("revokedAt")).isTrue();

        for (HttpResponse<String> refused : List.of(revoked.post("requests.json", form),
                revoked.get("requests.json", Map.of("service_code", SERVICE_CODE)),
                integrator.anonymous().post("requests.json", form))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode errors = JSON.readTree(refused.body());
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(403);
            assertThat(errors.get(0).get("description").asText()).isNotBlank();
        }
        HttpResponse<String> refusedXml = revoked.post("requests.xml", form);
        assertThat(refusedXml.statusCode()).as(refusedXml.body()).isEqualTo(403);
        Document errors = Open311Client.parse(refusedXml.body());
        assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(texts(errors, "code")).containsExactly("403");
    }

    /** An admin's key for a new integrator, through the gateway, with room for polling. */
    private static JsonNode issueKey(String integratorId, String name) throws Exception {
        HttpResponse<String> issued = PlatformProcesses.call("POST", platform.gatewayUrl() + "/api/v1/admin/integrator-keys", ADMIN, """
                {"integratorId": "%s", "name": "%s", "requestsPerMinute": 6000}""".formatted(integratorId, name));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(issued.body());
        assertThat(key.get("integratorId").asText()).isEqualTo(integratorId);
        return key;
    }

    /** The appeal in routing-service's triage queue (through the gateway), or null while it is not there. */
    private static JsonNode triaged(String moderator, String number) throws Exception {
        return item(api.read(moderator, "/api/v1/triage?size=100").get("items"), "appealNumber", number);
    }

    /** The element of a JSON array whose {@code field} is {@code value}, or null. */
    private static JsonNode item(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        return null;
    }

    /** The texts of every element named {@code tag}, in document order. */
    private static List<String> texts(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        var elements = document.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            texts.add(elements.item(i).getTextContent());
        }
        return texts;
    }
}
