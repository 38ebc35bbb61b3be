package ru.spb.feedback.routing.decision;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.calendar.DueDate;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.MalformedEventException;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.messaging.outbox.Outbox;
import ru.spb.feedback.routing.calendar.Deadlines;
import ru.spb.feedback.routing.config.RoutingConfig;
import ru.spb.feedback.routing.organization.Organization;
import ru.spb.feedback.routing.rule.ResponsibilityRules;
import ru.spb.feedback.routing.rule.RoutingRule;
import ru.spb.feedback.routing.territory.District;
import ru.spb.feedback.routing.territory.Municipality;
import ru.spb.feedback.routing.territory.Territory;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides who answers an appeal: the municipality whose boundary contains the point, the most
 * specific responsibility rule (else the municipality's own administration, else its district's),
 * and the legal deadline. What it cannot decide goes to triage with the reason; nothing is guessed.
 */
@ApplicationScoped
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    @Inject
    Territory territory;

    @Inject
    ResponsibilityRules rules;

    @Inject
    Deadlines deadlines;

    @Inject
    Outbox outbox;

    @Inject
    RoutingConfig config;

    @Inject
    MeterRegistry meters;

    /** A new appeal: remember what intake recorded and route it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(EventEnvelope envelope, AppealRegistered registered) {
        if (RoutingRequest.findById(envelope.appealId()) != null) {
            LOG.debugf("appeal %s is known already; registration ignored", envelope.appealId());
            return;
        }
        requireRoutable(envelope, registered.category(), registered.official(), registered.deadlineWorkingDays());
        RoutingRequest request = new RoutingRequest();
        request.appealId = envelope.appealId();
        request.appealNumber = envelope.appealNumber();
        request.citizenId = envelope.citizenId();
        request.categoryCode = registered.category().code();
        request.categoryName = registered.category().name();
        request.groupCode = registered.category().groupCode();
        request.objectCode = registered.category().objectCode();
        request.description = registered.description();
        request.lat = registered.location() == null ? null : registered.location().lat();
        request.lon = registered.location() == null ? null : registered.location().lon();
        request.address = registered.address();
        request.official = registered.official();
        request.deadlineWorkingDays = registered.deadlineWorkingDays();
        request.registeredAt = registered.registeredAt();
        request.status = RoutingRequest.Status.TRIAGE;
        request.updatedAt = Instant.now();
        request.persist();
        route(request, envelope.requestId());
    }

    /** An organization declined: route again without it, or triage after too many declines. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reroute(EventEnvelope envelope, AppealRerouteRequested declined) {
        RoutingRequest request = openRequest(envelope, "reroute requested");
        if (request == null) {
            return;
        }
        RoutingDecline.Key key = new RoutingDecline.Key(request.appealId, declined.decliningOrganization());
        if (RoutingDecline.findById(key) == null) {
            RoutingDecline decline = new RoutingDecline();
            decline.key = key;
            decline.municipalityCode = declined.decliningMunicipality();
            decline.reason = declined.reason();
            decline.declinedAt = Instant.now();
            decline.persist();
        }
        route(request, envelope.requestId());
    }

    /**
     * The problem type was corrected: route again under the new type without re-filing. The stored
     * request takes the new type and its deadline (see {@link Deadlines#dueDate(Instant, boolean, int, Instant)});
     * organizations that declined the appeal stay excluded, and the decision is the next attempt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeCategory(EventEnvelope envelope, AppealCategoryChanged changed) {
        RoutingRequest request = openRequest(envelope, "category change");
        if (request == null) {
            return;
        }
        requireRoutable(envelope, changed.category(), request.official, changed.deadlineWorkingDays());
        request.categoryCode = changed.category().code();
        request.categoryName = changed.category().name();
        request.groupCode = changed.category().groupCode();
        request.objectCode = changed.category().objectCode();
        request.deadlineWorkingDays = changed.deadlineWorkingDays();
        request.categoryChangedAt = envelope.occurredAt();
        route(request, envelope.requestId());
    }

    /**
     * The citizen was not satisfied with the answer: the same organization answers again, by a new
     * deadline counted from the reopening (the event's occurred-at time) with the appeal's own rule
     * and this service's calendar, loaded years included. Routing owns every deadline (ADR 0023).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopen(EventEnvelope envelope, AppealReopened reopened) {
        RoutingRequest request = openRequest(envelope, "reopening");
        if (request == null) {
            return;
        }
        DueDate due = deadlines.dueDate(envelope.occurredAt(), request.official, request.deadlineWorkingDays);
        DeadlineDecided decided = new DeadlineDecided(reopened.organizationCode(), envelope.occurredAt(), due.at(),
                DeadlineDecided.Reason.REOPENED);
        outbox.add(Topics.ROUTING_EVENTS, EventEnvelope.wrap(decided, ref(request, envelope.municipalityCode()), Instant.now(),
                envelope.requestId()));
        meters.counter("routing.deadlines", "reason", decided.reason().name()).increment();
    }

    /**
     * The appeal was rejected, withdrawn or closed in appeals-service: it leaves the triage queue for
     * good, and later reroutes, category changes and manual assignments of it are refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(EventEnvelope envelope) {
        RoutingRequest request = RoutingRequest.findById(envelope.appealId());
        if (request == null) {
            LOG.infof("%s for appeal %s that routing never saw; nothing to close", envelope.eventType(), envelope.appealId());
            return;
        }
        if (request.status != RoutingRequest.Status.CLOSED) {
            request.status = RoutingRequest.Status.CLOSED;
            request.updatedAt = Instant.now();
        }
    }

    /** A moderator routes an appeal from the triage queue. */
    @Transactional
    public RoutingDecision assign(UUID appealId, String municipalityCode, String organizationCode, String moderatorId,
                                  String requestId) {
        // locked, so a concurrent close or second assignment waits and is then refused, not a 500
        RoutingRequest request = RoutingRequest.findById(appealId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ProblemException.notFound("Appeal " + appealId + " in triage");
        }
        if (request.status == RoutingRequest.Status.CLOSED) {
            throw ProblemException.conflict("appeal-finished",
                    "Appeal " + request.appealNumber + " was rejected, withdrawn or closed; there is nothing to route");
        }
        if (request.status != RoutingRequest.Status.TRIAGE) {
            throw ProblemException.conflict("not-in-triage", "Appeal " + request.appealNumber + " is " + request.status + ", not in triage");
        }
        Municipality municipality = Municipality.findById(municipalityCode);
        if (municipality == null) {
            throw ProblemException.invalid("municipalityCode", "must be the code of a known municipality");
        }
        String organization = organizationCode == null || organizationCode.isBlank() ? municipality.organizationCode : organizationCode.trim();
        if (Organization.findById(organization) == null) {
            throw ProblemException.invalid("organizationCode", "must be the code of a known organization");
        }
        return decide(request, municipality, District.findById(municipality.districtCode), organization, null,
                RoutingDecided.Method.MANUAL, moderatorId, requestId);
    }

    private void route(RoutingRequest request, String requestId) {
        Set<String> declined = RoutingDecline.organizationsThatDeclined(request.appealId);
        if (declined.size() >= config.maxDeclines()) {
            triage(request, TriageRequired.Reason.DECLINED, "Declined by " + declined.size() + " organizations",
                    declined.stream().sorted().map(code -> "declined by " + code).toList(), requestId);
            return;
        }
        if (request.lat == null || request.lon == null) {
            triage(request, TriageRequired.Reason.NO_LOCATION, "The appeal has no coordinates",
                    request.address == null ? List.of() : List.of("address: " + request.address), requestId);
            return;
        }
        Territory.Location where = territory.locate(request.lat, request.lon);
        if (where.municipality().isEmpty()) {
            if (where.district().isPresent()) {
                District district = where.district().get();
                triage(request, TriageRequired.Reason.OUTSIDE_MUNICIPALITY,
                        "The point lies in the " + district.fullName + " but in no municipality",
                        List.of("district: " + district.code), requestId);
            } else {
                triage(request, TriageRequired.Reason.OUTSIDE_CITY, "The point lies outside St. Petersburg", List.of(), requestId);
            }
            return;
        }
        Municipality municipality = where.municipality().get();
        District district = District.findById(municipality.districtCode);
        Optional<RoutingRule> rule = rules.decide(new ResponsibilityRules.Subject(request.categoryCode, request.groupCode,
                request.objectCode, municipality.code, district.code), declined);
        String organization = rule.map(r -> r.organizationCode)
                .or(() -> Optional.of(municipality.organizationCode).filter(code -> !declined.contains(code)))
                .or(() -> Optional.of(district.organizationCode).filter(code -> !declined.contains(code)))
                .orElse(null);
        if (organization == null) {
            triage(request, TriageRequired.Reason.DECLINED, "Every organization responsible for " + municipality.name + " declined",
                    declined.stream().sorted().map(code -> "declined by " + code).toList(), requestId);
            return;
        }
        decide(request, municipality, district, organization, rule.map(r -> r.id).orElse(null), RoutingDecided.Method.GEO,
                null, requestId);
    }

    private RoutingDecision decide(RoutingRequest request, Municipality municipality, District district, String organizationCode,
                                   Long ruleId, RoutingDecided.Method method, String decidedBy, String requestId) {
        Organization organization = Organization.findById(organizationCode);
        DueDate due = deadlines.dueDate(request.registeredAt, request.official, request.deadlineWorkingDays,
                request.categoryChangedAt);
        RoutingDecision decision = new RoutingDecision();
        decision.appealId = request.appealId;
        decision.attempt = (int) RoutingDecision.count("appealId", request.appealId) + 1;
        decision.municipalityCode = municipality.code;
        decision.municipalityName = municipality.name;
        decision.districtName = district.name;
        decision.organizationCode = organization.code;
        decision.organizationName = organization.name;
        decision.ruleId = ruleId;
        decision.method = method;
        decision.dueAt = due.at();
        decision.dueEstimated = due.estimated();
        decision.decidedAt = Instant.now();
        decision.decidedBy = decidedBy;
        decision.persist();

        request.status = RoutingRequest.Status.ROUTED;
        request.triageReason = null;
        request.triageDetail = null;
        request.triageHints = null;
        request.triagedAt = null;
        request.updatedAt = decision.decidedAt;

        RoutingDecided event = new RoutingDecided(municipality.code, municipality.name, district.name, organization.code,
                organization.name, due.at(), method, ruleId, decision.attempt);
        outbox.add(Topics.ROUTING_EVENTS, EventEnvelope.wrap(event, ref(request, municipality.code), decision.decidedAt, requestId));
        meters.counter("routing.decisions", "method", method.name()).increment();
        return decision;
    }

    private void triage(RoutingRequest request, TriageRequired.Reason reason, String detail, List<String> hints, String requestId) {
        Instant now = Instant.now();
        request.status = RoutingRequest.Status.TRIAGE;
        request.triageReason = reason;
        request.triageDetail = detail;
        request.triageHints = String.join("\n", hints);
        request.triagedAt = now;
        request.updatedAt = now;
        outbox.add(Topics.ROUTING_EVENTS, EventEnvelope.wrap(new TriageRequired(reason, detail, hints), ref(request, null), now, requestId));
        meters.counter("routing.triage", "reason", reason.name()).increment();
    }

    /**
     * A payload routing could not store or count a deadline from is unreadable for routing: it goes
     * to the dead-letter topic instead of failing (and being retried) for ever.
     */
    /**
     * The stored request of the event's appeal, or null when the appeal is finished (the event is then ignored).
     * An appeal routing never saw is a malformed event: it goes to the dead-letter topic.
     */
    private static RoutingRequest openRequest(EventEnvelope envelope, String what) {
        RoutingRequest request = RoutingRequest.findById(envelope.appealId());
        if (request == null) {
            throw new MalformedEventException(what + " for appeal " + envelope.appealId() + " that routing never saw", null);
        }
        if (request.status == RoutingRequest.Status.CLOSED) {
            LOG.infof("appeal %s is finished; %s %s ignored", request.appealNumber, what, envelope.eventId());
            return null;
        }
        return request;
    }

    private static void requireRoutable(EventEnvelope envelope, AppealRegistered.CategoryRef category, boolean official,
                                        int deadlineWorkingDays) {
        if (category == null || blank(category.code()) || blank(category.name()) || blank(category.groupCode())
                || blank(category.objectCode())) {
            throw new MalformedEventException(envelope.eventType() + " " + envelope.eventId()
                    + " lacks the problem type with its category and object", null);
        }
        if (!official && deadlineWorkingDays < 1) {
            throw new MalformedEventException(envelope.eventType() + " " + envelope.eventId()
                    + " has no deadline in working days", null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static EventEnvelope.AppealRef ref(RoutingRequest request, String municipalityCode) {
        return new EventEnvelope.AppealRef(request.appealId, request.appealNumber, request.citizenId, municipalityCode);
    }

}
