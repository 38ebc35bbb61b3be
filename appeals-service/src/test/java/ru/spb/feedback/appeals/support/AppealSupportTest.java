package ru.spb.feedback.appeals.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealSupported;
import ru.spb.feedback.contracts.AppealSupportWithdrawn;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.FURNITURE_PROPOSAL;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.support.NearbyAppealsTest.NOT_PUBLIC;
import static ru.spb.feedback.appeals.support.NearbyAppealsTest.PROBLEM;
import static ru.spb.feedback.appeals.support.NearbyAppealsTest.appealAt;
import static ru.spb.feedback.appeals.support.NearbyAppealsTest.nearby;
import static ru.spb.feedback.appeals.support.NearbyAppealsTest.setStatus;

/**
 * Supporting an appeal: counted once per citizen (also under concurrency), announced with
 * {@code AppealSupported} on the real topic, withdrawn, listed; and every refusal as problem+json.
 */
@QuarkusTest
class AppealSupportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Far (kilometres) from the points of the nearby tests. */
    private static final Places.Point HERE = new Places.Point(59.85, 30.25);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private record Citizen(String id, String token) {
        static Citizen fresh() {
            String id = "citizen-" + UUID.randomUUID();
            return new Citizen(id, TestTokens.citizen(id, id + "@example.org", "Мария Кузнецова"));
        }
    }

    @Test
    void aSupportIsCountedOnceShownEverywhereAndAnnounced() {
        Citizen author = Citizen.fresh();
        Citizen first = Citizen.fresh();
        Citizen second = Citizen.fresh();
        Places.Point point = HERE.north(1000);
        String id = appealAt(author.token(), FURNITURE_PROPOSAL, point);

        JsonPath supported = support(first, id).statusCode(200)
                .body("id", equalTo(id)).body("supporters", equalTo(1)).body("supported", equalTo(true))
                .body("supportedAt", notNullValue()).body("category.code", equalTo(FURNITURE_PROPOSAL))
                .extract().jsonPath();
        assertThat(supported.getMap("")).containsOnlyKeys("id", "number", "category", "status", "supporters", "supported",
                "supportedAt");
        // a repeat answers the same and counts nothing
        support(first, id).statusCode(200).body("supporters", equalTo(1))
                .body("supportedAt", equalTo(supported.getString("supportedAt")));
        support(second, id).statusCode(200).body("supporters", equalTo(2));

        given().auth().oauth2(author.token()).when().get("/api/v1/appeals/" + id).then().statusCode(200).body("supporters", equalTo(2));
        nearby(second.token(), point, FURNITURE_PROPOSAL, null).statusCode(200).body("[0].id", equalTo(id)).body("[0].supporters", equalTo(2));

        // the second supporter's event follows the repeat on the appeal's partition: had the repeat
        // written an event, it would be among these
        List<EventEnvelope> events = supportedEvents(id, 2);
        assertThat(events).extracting(event -> event.payloadAs(AppealSupported.class))
                .containsExactly(new AppealSupported(first.id(), 1), new AppealSupported(second.id(), 2));
        EventEnvelope event = events.get(0);
        assertThat(event.citizenId()).isEqualTo(author.id());
        assertThat(event.citizenVisible()).isFalse();
        assertThat(event.appealNumber()).isEqualTo(supported.getString("number"));
        assertThat(EventCodec.encodeToString(event)).doesNotContain("Мария", "@example.org");
    }

    @Test
    void supportCanBeWithdrawnAndGivenAgain() {
        Citizen author = Citizen.fresh();
        Citizen supporter = Citizen.fresh();
        String id = appealAt(author.token(), FURNITURE_PROPOSAL, HERE.north(2000));
        support(supporter, id).statusCode(200).body("supporters", equalTo(1));

        withdraw(supporter, id).statusCode(200)
                .body("supporters", equalTo(0)).body("supported", equalTo(false)).body("supportedAt", nullValue());
        withdraw(supporter, id).statusCode(200).body("supporters", equalTo(0)).body("supported", equalTo(false));
        given().auth().oauth2(author.token()).when().get("/api/v1/appeals/" + id).then().body("supporters", equalTo(0));
        assertThat(supporterRows(id)).isZero();

        support(supporter, id).statusCode(200).body("supporters", equalTo(1)).body("supported", equalTo(true));
        assertThat(supportedEvents(id, 2)).extracting(e -> e.payloadAs(AppealSupported.class))
                .containsExactly(new AppealSupported(supporter.id(), 1), new AppealSupported(supporter.id(), 1));
        // one withdrawal event: the second DELETE changed nothing
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            List<EventEnvelope> withdrawals = reader.await(r -> id.equals(r.key())
                            && "AppealSupportWithdrawn".equals(TopicReader.header(r, "event-type")), 1, Duration.ofSeconds(20))
                    .stream().map(r -> EventCodec.decode(r.value())).toList();
            assertThat(withdrawals).extracting(e -> e.payloadAs(AppealSupportWithdrawn.class))
                    .containsExactly(new AppealSupportWithdrawn(supporter.id(), 0));
            assertThat(withdrawals.get(0).citizenId()).isEqualTo(author.id());
        }
    }

    @Test
    void concurrentSupportsLoseNoCount() throws Exception {
        Citizen author = Citizen.fresh();
        String id = appealAt(author.token(), FURNITURE_PROPOSAL, HERE.north(3000));
        int citizens = 8;
        List<Citizen> supporters = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            supporters.add(Citizen.fresh());
        }
        ExecutorService pool = Executors.newFixedThreadPool(citizens);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Citizen supporter : supporters) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return support(supporter, id).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(author.token()).when().get("/api/v1/appeals/" + id).then().body("supporters", equalTo(citizens));
        assertThat(supporterRows(id)).isEqualTo(citizens);
        // every event carries a different, increasing count
        assertThat(supportedEvents(id, citizens)).extracting(e -> e.payloadAs(AppealSupported.class).supporters())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void theAuthorCannotSupportTheirOwnAppeal() {
        Citizen author = Citizen.fresh();
        String id = appealAt(author.token(), FURNITURE_PROPOSAL, HERE.north(4000));
        support(author, id).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:own-appeal"))
                .body("detail", containsString("yourself")).body("detail", not(containsString("Мария")));
        assertThat(supporterRows(id)).isZero();
    }

    @Test
    void aFinishedAppealCannotBeSupported() {
        String id = appealAt(Citizen.fresh().token(), FURNITURE_PROPOSAL, HERE.north(5000));
        setStatus(id, AppealStatus.CLOSED);
        support(Citizen.fresh(), id).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:appeal-finished"))
                .body("detail", containsString("is CLOSED"));
        assertThat(supporterRows(id)).isZero();
    }

    @Test
    void officialAppealsAndThoseOfNonPublicTypesCannotBeSupportedAsIfTheyDidNotExist() {
        Citizen citizen = Citizen.fresh();
        String official = submit(Citizen.fresh().token(), """
                {"categoryCode": "%s", "description": "Официальное обращение", "location": {"lat": %s, "lon": %s}, "official": true}"""
                .formatted(FURNITURE_PROPOSAL, HERE.north(5500).lat(), HERE.lon())).statusCode(201).extract().path("id");
        String hidden = appealAt(Citizen.fresh().token(), NOT_PUBLIC, HERE.north(5600));
        for (String id : List.of(official, hidden)) {
            support(citizen, id).statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo("urn:spb-feedback:problem:not-found"))
                    .body("detail", not(containsString("SPB-")));
            withdraw(citizen, id).statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:not-found"));
            assertThat(supporterRows(id)).isZero();
        }
        given().auth().oauth2(citizen.token()).when().get("/api/v1/appeals/supported").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        Citizen citizen = Citizen.fresh();
        String unknown = UUID.randomUUID().toString();
        support(citizen, unknown).statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:not-found"));
        withdraw(citizen, unknown).statusCode(404).contentType(PROBLEM);
        support(citizen, "not-a-uuid").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyCitizensSupport() {
        String id = appealAt(Citizen.fresh().token(), FURNITURE_PROPOSAL, HERE.north(6000));
        given().auth().oauth2(TestTokens.officer("officer-1", "1123300")).when().post("/api/v1/appeals/" + id + "/support")
                .then().statusCode(403).contentType(PROBLEM);
        given().when().post("/api/v1/appeals/" + id + "/support").then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/appeals/supported").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.moderator("moderator-1")).when().get("/api/v1/appeals/supported")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void listsTheAppealsTheCitizenSupportsLatestFirst() {
        Citizen supporter = Citizen.fresh();
        String older = appealAt(Citizen.fresh().token(), FURNITURE_PROPOSAL, HERE.north(7000));
        String newer = appealAt(Citizen.fresh().token(), FURNITURE_PROPOSAL, HERE.north(7100));
        String withdrawn = appealAt(Citizen.fresh().token(), FURNITURE_PROPOSAL, HERE.north(7200));
        support(supporter, older).statusCode(200);
        support(supporter, newer).statusCode(200);
        support(supporter, withdrawn).statusCode(200);
        withdraw(supporter, withdrawn).statusCode(200);

        JsonPath page = given().auth().oauth2(supporter.token()).when().get("/api/v1/appeals/supported")
                .then().statusCode(200).body("totalItems", equalTo(2)).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(newer, older);
        Map<String, Object> item = page.getMap("items[0]");
        assertThat(item).containsOnlyKeys("id", "number", "category", "status", "supporters", "supported", "supportedAt");
        assertThat(item.get("supported")).isEqualTo(true);

        given().auth().oauth2(supporter.token()).queryParam("size", 1).queryParam("page", 1).when().get("/api/v1/appeals/supported")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(older));
        given().auth().oauth2(supporter.token()).queryParam("size", 0).when().get("/api/v1/appeals/supported")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
    }

    private static ValidatableResponse support(Citizen citizen, String id) {
        return given().auth().oauth2(citizen.token()).when().post("/api/v1/appeals/" + id + "/support").then();
    }

    private static ValidatableResponse withdraw(Citizen citizen, String id) {
        return given().auth().oauth2(citizen.token()).when().delete("/api/v1/appeals/" + id + "/support").then();
    }

    /** The AppealSupported events of one appeal on the real topic, in topic order; waits for {@code count}. */
    private List<EventEnvelope> supportedEvents(String appealId, int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            reader.await(record -> appealId.equals(record.key())
                    && "AppealSupported".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE)), count, WAIT);
            return reader.seen().stream().filter(record -> appealId.equals(record.key()))
                    .map(ConsumerRecord::value).map(EventCodec::decode)
                    .filter(event -> event.eventType().equals("AppealSupported")).toList();
        }
    }

    private long supporterRows(String appealId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from appeal_supporter where appeal_id = ?")) {
            statement.setObject(1, UUID.fromString(appealId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
