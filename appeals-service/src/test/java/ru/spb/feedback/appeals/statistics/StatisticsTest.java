package ru.spb.feedback.appeals.statistics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealFixtures;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;

/**
 * The public statistics: every figure counted exactly from appeals that went through intake,
 * routing (routing.events) and the officers' and citizens' steps; only what the public Open311
 * list shows; the range, the filters, CSV and the bad requests.
 */
@QuarkusTest
class StatisticsTest {

    private static final String STATISTICS = "/api/v1/statistics";
    private static final String FURNITURE = AppealFixtures.FURNITURE_PROPOSAL;
    /** «Отсутствие бесплатных бахил в поликлинике…»: public, no photo; sorts before «Предложения…» (255). */
    private static final String SHOE_COVERS = "227";
    /** «Неудовлетворительное состояние территории двора (искл.)»: not public. */
    private static final String NON_PUBLIC = "7";
    private static final List<String> FIELDS = List.of("municipalityCode", "municipalityName", "categoryCode", "categoryName",
            "received", "answered", "answeredOnTime", "answeredOnTimePercent", "medianDaysToAnswer", "overdueNow", "rated",
            "satisfied", "satisfiedPercent", "averageRating");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    /** A municipality of its own per test, so other tests' appeals never count in. */
    record Place(String code, String name, String officer) {
        static Place named(String name) {
            String code = "9" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
            return new Place(code, name, TestTokens.officer("officer-" + code, code));
        }
    }

    @Test
    void everyFigureOfAMunicipalityIsCountedFromPublicRoutedAppeals() {
        Place place = Place.named("Округ статистики " + UUID.randomUUID());
        Instant soon = Instant.now().plus(9, ChronoUnit.DAYS);
        Instant past = Instant.now().minus(1, ChronoUnit.DAYS);

        // answered on time after 2 days, rated 5 satisfied: closed
        Citizen onTimeSatisfied = routed(place, FURNITURE, soon);
        answer(place, onTimeSatisfied);
        rate(onTimeSatisfied, 5, true).body("status", equalTo("CLOSED"));
        // answered late (due yesterday) after 5 days, rated 2 (reopened), answered again, rated 4 satisfied: the first answer
        // and the latest rating count
        Citizen lateThenSatisfied = routed(place, FURNITURE, past);
        answer(place, lateThenSatisfied);
        rate(lateThenSatisfied, 2, false).body("status", equalTo("REOPENED"));
        answer(place, lateThenSatisfied);
        rate(lateThenSatisfied, 4, true).body("status", equalTo("CLOSED"));
        // answered on time after 3.5 days, rated 1: reopened, no due date until routing counts one, open but not overdue
        Citizen onTimeReopened = routed(place, FURNITURE, soon);
        answer(place, onTimeReopened);
        rate(onTimeReopened, 1, false).body("status", equalTo("REOPENED"));
        // not answered, due yesterday: overdue now
        routed(place, FURNITURE, past);
        // not answered, due in 9 days
        routed(place, FURNITURE, soon);
        // another problem type: answered on time after 1 day, not rated
        Citizen shoeCovers = routed(place, SHOE_COVERS, soon);
        answer(place, shoeCovers);
        // never counted: a problem type that is not public, an official appeal, spam
        Citizen hidden = routed(place, NON_PUBLIC, past);
        answer(place, hidden);
        rate(hidden, 1, false);
        routed(place, FURNITURE, past, true);
        Citizen spam = routed(place, FURNITURE, past);
        given().auth().oauth2(TestTokens.moderator("moderator-stats")).contentType(ContentType.JSON)
                .body("{\"reason\": \"SPAM\", \"note\": \"реклама\"}")
                .post("/api/v1/moderator/appeals/" + spam.appealId() + "/reject").then().statusCode(200);

        registeredBeforeFirstAnswer(onTimeSatisfied, 48);
        registeredBeforeFirstAnswer(lateThenSatisfied, 120);
        registeredBeforeFirstAnswer(onTimeReopened, 84);
        registeredBeforeFirstAnswer(shoeCovers, 24);

        JsonPath report = given().queryParam("municipality", place.code()).get(STATISTICS).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        LocalDate today = LocalDate.now(CityTime.ZONE);
        assertThat(report.getString("from")).isEqualTo(today.minusDays(89).toString());
        assertThat(report.getString("to")).isEqualTo(today.toString());
        assertThat(Instant.parse(report.getString("generatedAt"))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        // rows by problem type name: «Отсутствие бесплатных бахил…» before «Предложения по установке…»
        assertThat(report.getList("rows.categoryCode")).containsExactly(SHOE_COVERS, FURNITURE);
        assertFigures(report.getMap("rows[0]"), place.code(), place.name(), SHOE_COVERS, categoryName(SHOE_COVERS),
                1, 1, 1, 100.0, 1.0, 0, 0, 0, null, null);
        assertFigures(report.getMap("rows[1]"), place.code(), place.name(), FURNITURE, categoryName(FURNITURE),
                5, 3, 2, 66.7, 3.5, 1, 3, 2, 66.7, 3.3);
        assertThat(report.getList("municipalities")).hasSize(1);
        // median of 1, 2, 3.5, 5 days: 2.75, one decimal half up
        assertFigures(report.getMap("municipalities[0]"), place.code(), place.name(), null, null,
                6, 4, 3, 75.0, 2.8, 1, 3, 2, 66.7, 3.3);
        assertFigures(report.getMap("total"), null, null, null, null, 6, 4, 3, 75.0, 2.8, 1, 3, 2, 66.7, 3.3);

        // anyone can recount: the public Open311 list of the municipality has exactly the appeals received
        List<String> listed = given().queryParam("municipality_code", place.code()).get("/open311/v2/requests.json").then()
                .statusCode(200).extract().path("service_request_id");
        assertThat(listed).hasSize(6);

        // one problem type
        given().queryParam("municipality", place.code()).queryParam("category", SHOE_COVERS).get(STATISTICS).then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].categoryCode", equalTo(SHOE_COVERS))
                .body("total.received", equalTo(1)).body("total.medianDaysToAnswer", equalTo(1.0f));
    }

    @Test
    void theRangeIsCityDaysBothIncludedAndRowsAreOrderedByName() {
        // codes sort the other way round than names: the order is by name
        Place second = Place.named("Б-округ " + UUID.randomUUID());
        Place first = Place.named("А-округ \"Тестовый\", " + UUID.randomUUID());
        Instant soon = Instant.now().plus(9, ChronoUnit.DAYS);

        Citizen firstInstant = routed(second, FURNITURE, soon);
        Citizen lastInstant = routed(first, FURNITURE, soon);
        Citizen shoeCovers = routed(first, SHOE_COVERS, soon);
        Citizen dayBefore = routed(first, FURNITURE, soon);
        Citizen dayAfter = routed(first, FURNITURE, soon);
        // withdrawn before routing: no municipality, never counted
        String citizenOfUnrouted = newCitizen();
        String unrouted = submit(citizenOfUnrouted, AppealFixtures.validBody()).statusCode(201).extract().path("id");
        given().auth().oauth2(citizenOfUnrouted).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/appeals/" + unrouted + "/withdraw").then().statusCode(200);

        registeredAt(firstInstant.appealId(), OffsetDateTime.parse("2019-06-10T00:00:00+03:00").toInstant());
        registeredAt(lastInstant.appealId(), OffsetDateTime.parse("2019-06-12T23:59:59.999999+03:00").toInstant());
        registeredAt(shoeCovers.appealId(), OffsetDateTime.parse("2019-06-11T12:00:00+03:00").toInstant());
        registeredAt(dayBefore.appealId(), OffsetDateTime.parse("2019-06-09T23:59:59.999999+03:00").toInstant());
        registeredAt(dayAfter.appealId(), OffsetDateTime.parse("2019-06-13T00:00:00+03:00").toInstant());
        registeredAt(unrouted, OffsetDateTime.parse("2019-06-11T12:00:00+03:00").toInstant());

        JsonPath report = given().queryParam("from", "2019-06-10").queryParam("to", "2019-06-12").get(STATISTICS).then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getString("from")).isEqualTo("2019-06-10");
        assertThat(report.getString("to")).isEqualTo("2019-06-12");
        assertThat(report.getList("rows.municipalityCode")).containsExactly(first.code(), first.code(), second.code());
        assertThat(report.getList("rows.categoryCode")).containsExactly(SHOE_COVERS, FURNITURE, FURNITURE);
        assertThat(report.getList("municipalities.municipalityName")).containsExactly(first.name(), second.name());
        assertThat(report.getList("municipalities.received")).containsExactly(2, 1);
        assertFigures(report.getMap("total"), null, null, null, null, 3, 0, 0, null, null, 0, 0, 0, null, null);

        given().queryParam("from", "2019-06-10").queryParam("to", "2019-06-10").get(STATISTICS).then().statusCode(200)
                .body("rows.municipalityCode", equalTo(List.of(second.code()))).body("total.received", equalTo(1));
        given().queryParam("from", "2019-06-10").queryParam("to", "2019-06-12").queryParam("municipality", second.code())
                .get(STATISTICS).then().statusCode(200)
                .body("municipalities.municipalityCode", equalTo(List.of(second.code()))).body("total.received", equalTo(1));

        // CSV: the rows, header of the JSON field names, RFC 4180 quoting, CRLF
        String expected = String.join(",", FIELDS) + "\r\n"
                + first.code() + ",\"" + first.name().replace("\"", "\"\"") + "\"," + SHOE_COVERS + "," + csv(categoryName(SHOE_COVERS))
                + ",1,0,0,,,0,0,0,,\r\n"
                + first.code() + ",\"" + first.name().replace("\"", "\"\"") + "\"," + FURNITURE + "," + csv(categoryName(FURNITURE))
                + ",1,0,0,,,0,0,0,,\r\n"
                + second.code() + "," + second.name() + "," + FURNITURE + "," + csv(categoryName(FURNITURE))
                + ",1,0,0,,,0,0,0,,\r\n";
        for (var request : List.of(given().queryParam("format", "csv"), given().accept("text/csv"))) {
            var response = request.queryParam("from", "2019-06-10").queryParam("to", "2019-06-12").get(STATISTICS).then()
                    .statusCode(200).contentType(startsWith("text/csv"))
                    .header("Content-Disposition", equalTo("attachment; filename=\"statistics-2019-06-10-2019-06-12.csv\""))
                    .extract();
            assertThat(response.contentType().toLowerCase().replace(" ", "")).isEqualTo("text/csv;charset=utf-8");
            assertThat(response.asString()).isEqualTo(expected);
        }
        // format wins over Accept
        given().queryParam("format", "json").accept("text/csv").queryParam("from", "2019-06-10").queryParam("to", "2019-06-12")
                .get(STATISTICS).then().statusCode(200).contentType(ContentType.JSON).body("total.received", equalTo(3));
    }

    @Test
    void figuresWithNumbersAreCsvNumbersWithADot() {
        Place place = Place.named("Округ CSV " + UUID.randomUUID());
        Citizen answered = routed(place, SHOE_COVERS, Instant.now().plus(9, ChronoUnit.DAYS));
        answer(place, answered);
        rate(answered, 4, true);
        registeredBeforeFirstAnswer(answered, 36);
        String csv = given().queryParam("municipality", place.code()).queryParam("format", "csv").get(STATISTICS).then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).isEqualTo(place.code() + "," + place.name() + "," + SHOE_COVERS + ","
                + csv(categoryName(SHOE_COVERS)) + ",1,1,1,100.0,1.5,0,1,1,100.0,4.0");
    }

    @Test
    void onlyAppealsStillWaitingForAnAnswerAreOverdueNow() {
        Place place = Place.named("Округ сроков " + UUID.randomUUID());
        Instant past = Instant.now().minus(1, ChronoUnit.DAYS);
        // marked overdue, then answered late: answered, not overdue any more
        Citizen answeredLate = routed(place, FURNITURE, past);
        answer(place, answeredLate);
        // marked overdue, then withdrawn: finished, not overdue
        Citizen withdrawn = routed(place, FURNITURE, past);
        given().auth().oauth2(withdrawn.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/appeals/" + withdrawn.appealId() + "/withdraw").then().statusCode(200);
        // marked overdue and still waiting
        routed(place, FURNITURE, past);
        // its due date moved into the past an hour ago: overdue by the date, marked by the job or not yet
        Citizen unmarked = routed(place, FURNITURE, Instant.now().plus(9, ChronoUnit.DAYS));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update appeal set due_at = :due, overdue_marked_at = null where id = :id")
                .setParameter("due", Instant.now().minus(1, ChronoUnit.HOURS)).setParameter("id", UUID.fromString(unmarked.appealId()))
                .executeUpdate());

        JsonPath report = given().queryParam("municipality", place.code()).get(STATISTICS).then().statusCode(200)
                .extract().jsonPath();
        assertThat(load(answeredLate.appealId()).overdueMarkedAt).isNotNull();
        assertThat(report.getInt("total.received")).isEqualTo(4);
        assertThat(report.getInt("total.answered")).isEqualTo(1);
        assertThat(report.getInt("total.answeredOnTime")).isEqualTo(0);
        assertThat(report.getFloat("total.answeredOnTimePercent")).isEqualTo(0.0f);
        assertThat(report.getInt("total.overdueNow")).isEqualTo(2);
    }

    @Test
    void unknownCodesGiveNoRowsAndZeroTotals() {
        JsonPath report = given().queryParam("municipality", "no-such-municipality").queryParam("category", "no-such-type")
                .get(STATISTICS).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("rows")).isEmpty();
        assertThat(report.getList("municipalities")).isEmpty();
        assertFigures(report.getMap("total"), null, null, null, null, 0, 0, 0, null, null, 0, 0, 0, null, null);
        given().queryParam("municipality", "no-such-municipality").queryParam("format", "csv").get(STATISTICS).then()
                .statusCode(200).body(equalTo(String.join(",", FIELDS) + "\r\n"));
    }

    @Test
    void badRequestsAreProblems() {
        problem(given().queryParam("from", "2026-13-01"), "from");
        problem(given().queryParam("to", "yesterday"), "to");
        problem(given().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01"), "from");
        // 367 days with both ends: too long; 366 is the most
        problem(given().queryParam("from", "2025-01-01").queryParam("to", "2026-01-02"), "to");
        given().queryParam("from", "2025-01-01").queryParam("to", "2026-01-01").get(STATISTICS).then().statusCode(200);
        problem(given().queryParam("format", "xml"), "format");
        problem(given().queryParam("format", "xml").accept("text/csv"), "format");
        // neither JSON nor CSV acceptable: a problem too
        given().accept("application/xml").get(STATISTICS).then().statusCode(406).contentType("application/problem+json");
        // without to, the range ends today: a from in the future is after it
        problem(given().queryParam("from", LocalDate.now(CityTime.ZONE).plusDays(2).toString()), "from");
    }

    @Test
    void theStatisticsAndOpen311PagingAreInTheOpenApiDocument() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("\"/api/v1/statistics\"", "\"answeredOnTimePercent\"", "\"medianDaysToAnswer\"", "text/csv",
                "\"page_size\"", "\"municipality_code\"");
    }

    // ---- fixtures

    /** An appeal and its author's token. */
    record Citizen(String token, String appealId) {
    }

    private Citizen routed(Place place, String categoryCode, Instant due) {
        return routed(place, categoryCode, due, false);
    }

    /** Submits an appeal and routes it to the place, as routing-service would, through routing.events. */
    private Citizen routed(Place place, String categoryCode, Instant due, boolean official) {
        String citizen = newCitizen();
        String body = """
                {"categoryCode": "%s", "description": "Во дворе сломана скамейка, нужна новая", "location": {"lat": %s, "lon": %s},
                 "official": %s}""".formatted(categoryCode, AppealFixtures.LAT, AppealFixtures.LON, official);
        String id = submit(citizen, body).statusCode(201).extract().path("id");
        TopicWriter.on(bootstrapServers).send(Topics.ROUTING_EVENTS, EventEnvelope.wrap(
                new RoutingDecided(place.code(), place.name(), "Адмиралтейский", place.code(), "Местная администрация " + place.name(),
                        due, RoutingDecided.Method.GEO, null, 1),
                new EventEnvelope.AppealRef(UUID.fromString(id), "SPB-TEST", "someone", place.code()), Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(id).status == AppealStatus.ROUTED);
        if (due.isBefore(Instant.now())) {
            // the overdue job marks it within a second; waiting keeps its change from meeting the test's next step
            await().atMost(Duration.ofSeconds(20)).until(() -> load(id).overdueMarkedAt != null);
        }
        return new Citizen(citizen, id);
    }

    private static void answer(Place place, Citizen appeal) {
        given().auth().oauth2(place.officer()).contentType(ContentType.JSON).body("{\"text\": \"Скамейка заменена\"}")
                .post("/api/v1/officer/appeals/" + appeal.appealId() + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED"));
    }

    private static io.restassured.response.ValidatableResponse rate(Citizen appeal, int rating, boolean satisfied) {
        return given().auth().oauth2(appeal.token()).contentType(ContentType.JSON)
                .body("{\"rating\": " + rating + ", \"satisfied\": " + satisfied + "}")
                .post("/api/v1/appeals/" + appeal.appealId() + "/feedback").then().statusCode(200);
    }

    /** Moves the registration to exactly {@code hours} before the first answer: the time to answer the tests expect. */
    private void registeredBeforeFirstAnswer(Citizen appeal, int hours) {
        QuarkusTransaction.requiringNew().run(() -> assertThat(entityManager.createNativeQuery("""
                        update appeal a set registered_at = (select min(x.answered_at) from appeal_answer x where x.appeal_id = a.id)
                            - :hours * interval '1 hour' where a.id = :id""")
                .setParameter("hours", hours).setParameter("id", UUID.fromString(appeal.appealId())).executeUpdate()).isEqualTo(1));
    }

    private void registeredAt(String appealId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> assertThat(entityManager.createNativeQuery(
                        "update appeal set registered_at = :at where id = :id")
                .setParameter("at", at).setParameter("id", UUID.fromString(appealId)).executeUpdate()).isEqualTo(1));
    }

    private static Appeal load(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.findById(UUID.fromString(id)));
    }

    private static String categoryName(String code) {
        return given().get("/api/v1/categories/" + code).then().statusCode(200).extract().path("name");
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void problem(io.restassured.specification.RequestSpecification request, String field) {
        request.get(STATISTICS).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(field)));
    }

    /** Every field, in the order of the answer, with exactly these values. */
    private static void assertFigures(Map<String, Object> figures, String municipalityCode, String municipalityName,
                                      String categoryCode, String categoryName, int received, int answered, int onTime,
                                      Double onTimePercent, Double medianDays, int overdueNow, int rated, int satisfied,
                                      Double satisfiedPercent, Double averageRating) {
        assertThat(List.copyOf(figures.keySet())).isEqualTo(FIELDS);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("municipalityCode", municipalityCode);
        expected.put("municipalityName", municipalityName);
        expected.put("categoryCode", categoryCode);
        expected.put("categoryName", categoryName);
        expected.put("received", received);
        expected.put("answered", answered);
        expected.put("answeredOnTime", onTime);
        expected.put("answeredOnTimePercent", asFloat(onTimePercent));
        expected.put("medianDaysToAnswer", asFloat(medianDays));
        expected.put("overdueNow", overdueNow);
        expected.put("rated", rated);
        expected.put("satisfied", satisfied);
        expected.put("satisfiedPercent", asFloat(satisfiedPercent));
        expected.put("averageRating", asFloat(averageRating));
        assertThat(figures).as(Arrays.toString(figures.entrySet().toArray())).isEqualTo(expected);
    }

    /** RestAssured reads JSON decimals as floats. */
    private static Float asFloat(Double value) {
        return value == null ? null : value.floatValue();
    }
}
