package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.spb.feedback.contracts.AppealStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.inStatus;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.moderator;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.officer;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.post;
import static ru.spb.feedback.contracts.AppealStatus.ANSWERED;
import static ru.spb.feedback.contracts.AppealStatus.IN_PROGRESS;
import static ru.spb.feedback.contracts.AppealStatus.REGISTERED;
import static ru.spb.feedback.contracts.AppealStatus.REOPENED;
import static ru.spb.feedback.contracts.AppealStatus.REROUTING;
import static ru.spb.feedback.contracts.AppealStatus.ROUTED;
import static ru.spb.feedback.contracts.AppealStatus.TRIAGE;

/**
 * Every step people take, from every status, through the API: allowed ones answer 200 with the
 * expected new status, all others 409 naming the current status. The expectations are written
 * out here, not read from the state machine, so a wrong machine fails this test.
 */
@QuarkusTest
class TransitionsTest {

    /** A step as a client takes it. */
    enum Step {
        ACCEPT("officer", "/api/v1/officer/appeals/%s/accept", null, EnumSet.of(ROUTED, REOPENED), IN_PROGRESS),
        ANSWER("officer", "/api/v1/officer/appeals/%s/answer", """
                {"text": "Блоки убраны, проезд свободен"}""", EnumSet.of(ROUTED, IN_PROGRESS, REOPENED), ANSWERED),
        DECLINE("officer", "/api/v1/officer/appeals/%s/decline", """
                {"reason": "Дорога городская, не наша компетенция"}""", EnumSet.of(ROUTED, IN_PROGRESS), REROUTING),
        CHANGE_CATEGORY_BY_OFFICER("officer", "/api/v1/officer/appeals/%s/change-category", """
                {"categoryCode": "2", "reason": "Речь о детской площадке"}""", EnumSet.of(TRIAGE, ROUTED, IN_PROGRESS, REOPENED), REROUTING),
        CHANGE_CATEGORY_BY_MODERATOR("moderator", "/api/v1/moderator/appeals/%s/change-category", """
                {"categoryCode": "2", "reason": "Речь о детской площадке"}""", EnumSet.of(TRIAGE, ROUTED, IN_PROGRESS, REOPENED), REROUTING),
        EXTEND_DEADLINE("officer", "/api/v1/officer/appeals/%s/extend-deadline", """
                {"days": 10, "reason": "Нужен выезд подрядчика"}""", EnumSet.of(ROUTED, IN_PROGRESS, REOPENED), null),
        REJECT("moderator", "/api/v1/moderator/appeals/%s/reject", """
                {"reason": "SPAM", "note": "Реклама"}""", EnumSet.of(REGISTERED, TRIAGE, ROUTED, IN_PROGRESS, REROUTING, REOPENED),
                AppealStatus.REJECTED),
        WITHDRAW("citizen", "/api/v1/appeals/%s/withdraw", "{}", EnumSet.of(REGISTERED, TRIAGE, ROUTED, IN_PROGRESS, REROUTING, REOPENED),
                AppealStatus.WITHDRAWN),
        RATE_SATISFIED("citizen", "/api/v1/appeals/%s/feedback", """
                {"rating": 5, "satisfied": true}""", EnumSet.of(ANSWERED), AppealStatus.CLOSED),
        RATE_NOT_SATISFIED("citizen", "/api/v1/appeals/%s/feedback", """
                {"rating": 2, "satisfied": false, "comment": "Блоки на месте"}""", EnumSet.of(ANSWERED), REOPENED);

        final String role;
        final String path;
        final String body;
        final Set<AppealStatus> allowedFrom;
        /** null: the status stays. */
        final AppealStatus to;

        Step(String role, String path, String body, Set<AppealStatus> allowedFrom, AppealStatus to) {
            this.role = role;
            this.path = path;
            this.body = body;
            this.allowedFrom = allowedFrom;
            this.to = to;
        }
    }

    static Stream<Arguments> everyStepFromEveryStatus() {
        return Arrays.stream(Step.values())
                .flatMap(step -> Arrays.stream(AppealStatus.values()).map(status -> Arguments.of(step, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyStepFromEveryStatus")
    void aStepIsTakenExactlyFromTheStatusesThatAllowIt(Step step, AppealStatus from) {
        String citizen = newCitizen();
        String id = inStatus(citizen, from);
        String token = switch (step.role) {
            case "officer" -> officer();
            case "moderator" -> moderator();
            default -> citizen;
        };
        var response = post(token, step.path.formatted(id), step.body);
        if (step.allowedFrom.contains(from)) {
            response.statusCode(200).body("status", equalTo((step.to == null ? from : step.to).name()));
        } else {
            response.statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:spb-feedback:problem:transition-not-allowed"))
                    .body("detail", containsString(" is " + from.name() + ";"));
        }
    }
}
