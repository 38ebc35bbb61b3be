package ru.spb.feedback.appeals.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.AppealSentToTriage;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.MalformedEventException;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.messaging.outbox.Outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Applies routing-service's decisions to appeals and tells everyone through the outbox. */
@ApplicationScoped
public class AppealRouting {

    private static final Logger LOG = Logger.getLogger(AppealRouting.class);
    static final String ACTOR = "routing-service";

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void routed(EventEnvelope envelope, RoutingDecided decided) {
        Appeal appeal = unfinishedAppealOf(envelope);
        if (appeal == null) {
            return;
        }
        appeal.municipalityCode = decided.municipalityCode();
        appeal.municipalityName = decided.municipalityName();
        appeal.districtName = decided.district();
        appeal.organizationCode = decided.organizationCode();
        appeal.organizationName = decided.organizationName();
        appeal.dueAt = decided.dueAt();
        appeal.triageReason = null;
        String note = decided.method() == RoutingDecided.Method.MANUAL ? "assigned by a moderator"
                : decided.ruleId() == null ? "routed to the municipality's administration" : "routed by rule " + decided.ruleId();
        moveTo(appeal, AppealStatus.ROUTED, note + " (attempt " + decided.attempt() + ")", envelope,
                new AppealRouted(decided.municipalityCode(), decided.municipalityName(), decided.district(),
                        decided.organizationCode(), decided.organizationName(), decided.dueAt(), decided.method()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sentToTriage(EventEnvelope envelope, TriageRequired triage) {
        Appeal appeal = unfinishedAppealOf(envelope);
        if (appeal == null) {
            return;
        }
        appeal.triageReason = triage.reason();
        moveTo(appeal, AppealStatus.TRIAGE, triage.reason().name(), envelope, new AppealSentToTriage(triage.reason()));
    }

    /** The status change routing caused: history row and citizen-visible event, traced to routing's event. */
    private void moveTo(Appeal appeal, AppealStatus status, String note, EventEnvelope cause, AppealEvent event) {
        AppealStatus from = appeal.status;
        appeal.status = status;
        appeal.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppealStatusChange.record(appeal, from, "system", ACTOR, note);
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(event, AppealEvents.ref(appeal), appeal.updatedAt, cause.requestId()));
    }

    /** The appeal, or null if it is finished already (a late decision is ignored, not dead-lettered). */
    private static Appeal unfinishedAppealOf(EventEnvelope envelope) {
        Appeal appeal = appealOf(envelope);
        if (appeal.isFinished()) {
            LOG.infof("appeal %s is %s; %s ignored", appeal.number, appeal.status, envelope.eventType());
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
