package ru.spb.feedback.appeals.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
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
        Appeal appeal = appealOf(envelope);
        if (appeal.isFinished()) {
            LOG.infof("appeal %s is %s; routing decision ignored", appeal.number, appeal.status);
            return;
        }
        AppealStatus from = appeal.status;
        appeal.status = AppealStatus.ROUTED;
        appeal.municipalityCode = decided.municipalityCode();
        appeal.municipalityName = decided.municipalityName();
        appeal.districtName = decided.district();
        appeal.organizationCode = decided.organizationCode();
        appeal.organizationName = decided.organizationName();
        appeal.dueAt = decided.dueAt();
        appeal.triageReason = null;
        appeal.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String note = decided.method() == RoutingDecided.Method.MANUAL ? "assigned by a moderator"
                : decided.ruleId() == null ? "routed to the municipality's administration" : "routed by rule " + decided.ruleId();
        AppealStatusChange.record(appeal, from, "system", ACTOR, note + " (attempt " + decided.attempt() + ")");
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(
                new AppealRouted(decided.municipalityCode(), decided.municipalityName(), decided.district(),
                        decided.organizationCode(), decided.organizationName(), decided.dueAt(), decided.method()),
                AppealEvents.ref(appeal), appeal.updatedAt, envelope.requestId()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sentToTriage(EventEnvelope envelope, TriageRequired triage) {
        Appeal appeal = appealOf(envelope);
        if (appeal.isFinished()) {
            LOG.infof("appeal %s is %s; triage ignored", appeal.number, appeal.status);
            return;
        }
        AppealStatus from = appeal.status;
        appeal.status = AppealStatus.TRIAGE;
        appeal.triageReason = triage.reason();
        appeal.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppealStatusChange.record(appeal, from, "system", ACTOR, triage.reason().name());
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(new AppealSentToTriage(triage.reason()),
                AppealEvents.ref(appeal), appeal.updatedAt, envelope.requestId()));
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
