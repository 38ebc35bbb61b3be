package ru.spb.feedback.appeals.appeal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

@QuarkusTest
class AppealIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registersAnAppealAndPublishesItToKafka() {
        String subject = "citizen-" + UUID.randomUUID();
        String token = TestTokens.citizen(subject, "anna@example.org", "Анна Смирнова");
        Instant before = Instant.now();

        ExtractableResponse<Response> created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("X-Request-Id", "trace-" + subject)
                .body(validBody())
                .when().post("/api/v1/appeals")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/appeals/[0-9a-f-]{36}"))
                .header("X-Request-Id", "trace-" + subject)
                .body("number", matchesPattern("SPB-\\d{4}-\\d{6}"))
                .body("status", equalTo("REGISTERED"))
                .body("registeredAt", notNullValue())
                .body("category.code", equalTo(AppealFixtures.FURNITURE_PROPOSAL))
                .body("contact.email", equalTo("anna@example.org"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(id);
        assertThat(Instant.parse(created.<String>path("registeredAt"))).isAfterOrEqualTo(before.minusSeconds(1));

        given().auth().oauth2(token).when().get("/api/v1/appeals/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("description", equalTo("Во дворе поставили бетонные блоки, не проехать скорой"))
                .body("location.lat", equalTo(59.9375f));
        given().auth().oauth2(token).when().get("/api/v1/appeals/" + id + "/history")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].to", equalTo("REGISTERED"))
                .body("[0].actorRole", equalTo("citizen"))
                .body("[0].at", notNullValue());

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            assertThat(TopicReader.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("AppealRegistered");
            assertThat(TopicReader.header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(TopicReader.header(record, EventHeaders.REQUEST_ID)).isEqualTo("trace-" + subject);
            EventEnvelope event = EventCodec.decode(record.value());
            assertThat(TopicReader.header(record, EventHeaders.EVENT_ID)).isEqualTo(event.eventId().toString());
            assertThat(event.appealId()).hasToString(id);
            assertThat(event.appealNumber()).isEqualTo(created.<String>path("number"));
            assertThat(event.citizenId()).isEqualTo(subject);
            assertThat(event.citizenVisible()).isTrue();
            assertThat(event.requestId()).isEqualTo("trace-" + subject);
            assertThat(event.municipalityCode()).isNull();

            AppealRegistered payload = event.payloadAs(AppealRegistered.class);
            assertThat(payload.category().code()).isEqualTo(AppealFixtures.FURNITURE_PROPOSAL);
            assertThat(payload.category().objectName()).isEqualTo("Двор");
            assertThat(payload.category().groupCode()).isNotBlank();
            // the type's public flag, so notification-service knows what integrators may be told
            assertThat(payload.category().publicCategory()).isTrue();
            assertThat(payload.deadlineWorkingDays()).isEqualTo(9);
            assertThat(payload.official()).isFalse();
            assertThat(payload.location().lat()).isEqualTo(AppealFixtures.LAT);
            assertThat(payload.location().lon()).isEqualTo(AppealFixtures.LON);
            assertThat(payload.address()).isEqualTo("Адмиралтейский пр., 1");
            assertThat(payload.registeredAt()).isEqualTo(Instant.parse(created.path("registeredAt")));
            assertThat(payload.channel()).isEqualTo(AppealRegistered.Channel.API);
            assertThat(payload.contact().email()).isEqualTo("anna@example.org");
            assertThat(payload.contact().name()).isEqualTo("Анна Смирнова");
        }
    }

    @Test
    void acceptsAnOfficialAppealWithContactFromTheBody() {
        String token = TestTokens.citizen("citizen-" + UUID.randomUUID());
        String body = """
                {"categoryCode": "255", "description": "Официальное обращение о блоках во дворе",
                 "location": {"lat": 59.9375, "lon": 30.3086}, "official": true,
                 "contact": {"email": "petr@example.org", "name": "Пётр Иванов"}}""";

        submit(token, body).statusCode(201)
                .body("official", equalTo(true))
                .body("contact.name", equalTo("Пётр Иванов"));
    }

    @Test
    void listsOnlyTheCallersOwnAppealsNewestFirst() {
        String mine = newCitizen();
        String other = newCitizen();
        String first = submit(mine, validBody()).statusCode(201).extract().path("id");
        String second = submit(mine, validBody()).statusCode(201).extract().path("id");
        submit(other, validBody()).statusCode(201);

        given().auth().oauth2(mine).when().get("/api/v1/appeals")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", equalTo(List.of(second, first)));
        given().auth().oauth2(mine).queryParam("size", 1).queryParam("page", 1).when().get("/api/v1/appeals")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first)))
                .body("totalPages", equalTo(2));
        given().auth().oauth2(mine).queryParam("status", "registered").when().get("/api/v1/appeals")
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(mine).queryParam("status", "CLOSED").when().get("/api/v1/appeals")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void anotherCitizensAppealIsNotFound() {
        String owner = newCitizen();
        String id = submit(owner, validBody()).statusCode(201).extract().path("id");
        String stranger = newCitizen();

        given().auth().oauth2(stranger).when().get("/api/v1/appeals/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth().oauth2(stranger).when().get("/api/v1/appeals/" + id + "/history")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/api/v1/appeals/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
