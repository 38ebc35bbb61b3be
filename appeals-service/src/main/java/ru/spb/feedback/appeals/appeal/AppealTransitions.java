package ru.spb.feedback.appeals.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.outbox.Outbox;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Applies a step of the state machine ({@link AppealAction}) to an appeal: checks it is allowed
 * from the current status for this actor, moves the status, writes the history row and the event
 * through the outbox, all in the caller's transaction. Every status change goes through here.
 */
@ApplicationScoped
public class AppealTransitions {

    @Inject
    Outbox outbox;

    /** Throws a 409 problem naming the current status if the step is not allowed now. */
    public static void check(Appeal appeal, AppealAction action) {
        if (!action.allowedFrom(appeal.status)) {
            String allowed = action.from().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            throw ProblemException.conflict("transition-not-allowed", "Appeal " + appeal.number + " is " + appeal.status
                    + "; " + verb(action) + " is possible only from " + allowed);
        }
    }

    /**
     * Takes the step. The caller has already changed the fields the step is about (answer, due
     * date…); this changes the status and records it.
     *
     * @param requestId the HTTP request or event that caused the step, for tracing; may be null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Appeal appeal, AppealAction action, Actor actor, String note, AppealEvent event, String requestId) {
        if (!action.allowedFor(actor.role())) {
            // a programming error, not a user's: resources admit only the roles the machine allows
            throw new IllegalStateException(actor.role() + " may not " + action);
        }
        check(appeal, action);
        var from = appeal.status;
        appeal.status = action.target(from);
        appeal.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppealStatusChange.record(appeal, from, action, actor.roleName(), actor.id(), note);
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(event, AppealEvents.ref(appeal), appeal.updatedAt, requestId));
    }

    /** "accept", "change category", "extend deadline" — the step as people say it. */
    static String verb(AppealAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
