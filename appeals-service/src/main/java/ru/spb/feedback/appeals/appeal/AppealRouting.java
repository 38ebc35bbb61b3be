package ru.spb.feedback.appeals.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealDeadlineSet;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.AppealSentToTriage;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.MalformedEventException;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.TriageRequired;

import java.time.Instant;

/** Applies routing-service's decisions and deadlines to appeals and tells everyone through the outbox. */
@ApplicationScoped
public class AppealRouting {

    private static final Logger LOG = Logger.getLogger(AppealRouting.class);
    static final Actor ROUTING = Actor.system("routing-service");

    @Inject
    AppealTransitions transitions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void routed(EventEnvelope envelope, RoutingDecided decided) {
        Appeal appeal = appealFor(envelope, AppealAction.ROUTE);
        if (appeal == null) {
            return;
        }
        appeal.municipalityCode = decided.municipalityCode();
        appeal.municipalityName = decided.municipalityName();
        appeal.districtName = decided.district();
        appeal.organizationCode = decided.organizationCode();
        appeal.organizationName = decided.organizationName();
        appeal.moveDueDate(decided.dueAt());
        appeal.triageReason = null;
        String note = decided.method() == RoutingDecided.Method.MANUAL ? "assigned by a moderator"
                : decided.ruleId() == null ? "routed to the municipality's administration" : "routed by rule " + decided.ruleId();
        transitions.apply(appeal, AppealAction.ROUTE, ROUTING, note + " (attempt " + decided.attempt() + ")",
                new AppealRouted(decided.municipalityCode(), decided.municipalityName(), decided.district(),
                        decided.organizationCode(), decided.organizationName(), decided.dueAt(), decided.method()),
                envelope.requestId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sentToTriage(EventEnvelope envelope, TriageRequired triage) {
        Appeal appeal = appealFor(envelope, AppealAction.SEND_TO_TRIAGE);
        if (appeal == null) {
            return;
        }
        appeal.triageReason = triage.reason();
        transitions.apply(appeal, AppealAction.SEND_TO_TRIAGE, ROUTING, triage.reason().name(),
                new AppealSentToTriage(triage.reason()), envelope.requestId());
    }

    /**
     * routing-service counted the deadline of a reopened appeal. It counts for the latest reopening only: one
     * for an earlier round (answered and reopened again meanwhile) is ignored, as is one that arrives after the
     * organization answered again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineDecided(EventEnvelope envelope, DeadlineDecided decided) {
        if (decided.dueAt() == null || decided.countedFrom() == null || decided.reason() == null) {
            throw new MalformedEventException("DeadlineDecided " + envelope.eventId() + " lacks dueAt, countedFrom or reason", null);
        }
        Appeal appeal = appealFor(envelope, AppealAction.SET_DEADLINE);
        if (appeal == null) {
            return;
        }
        Instant reopenedAt = AppealStatusChange.lastAt(appeal.id, AppealAction.REOPEN);
        if (!decided.countedFrom().equals(reopenedAt)) {
            LOG.infof("appeal %s was reopened at %s; deadline counted from %s ignored", appeal.number, reopenedAt,
                    decided.countedFrom());
            return;
        }
        appeal.moveDueDate(decided.dueAt());
        transitions.apply(appeal, AppealAction.SET_DEADLINE, ROUTING, "due " + decided.dueAt() + ", counted from the reopening",
                new AppealDeadlineSet(decided.dueAt(), decided.reason()), envelope.requestId());
    }

    /**
     * The appeal, or null if the decision came too late: the appeal is finished (rejected,
     * withdrawn, closed) or has moved on. Such a decision is ignored, not dead-lettered.
     */
    private static Appeal appealFor(EventEnvelope envelope, AppealAction step) {
        Appeal appeal = appealOf(envelope);
        if (!step.allowedFrom(appeal.status)) {
            LOG.infof("appeal %s is %s; late %s ignored", appeal.number, appeal.status, envelope.eventType());
            return null;
        }
        return appeal;
    }

    private static Appeal appealOf(EventEnvelope envelope) {
        Appeal appeal = Appeal.findById(envelope.appealId());
        if (appeal == null) {
            // routing only decides on appeals registered here: this record belongs to another system
            throw new MalformedEventException("routing event for unknown appeal " + envelope.appealId(), null);
        }
        return appeal;
    }
}
