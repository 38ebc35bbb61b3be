package ru.spb.feedback.routing.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ru.spb.feedback.contracts.RoutingDecided;

import java.time.Instant;
import java.util.UUID;

/** A routing decision with what explains it. */
@Schema(name = "RoutingDecision")
public record DecisionView(long id, UUID appealId, int attempt, String municipalityCode, String municipalityName,
                           String districtName, String organizationCode, String organizationName,
                           @Schema(description = "The rule that chose the organization; null: the municipality's default") Long ruleId,
                           RoutingDecided.Method method, Instant dueAt, boolean dueEstimated, Instant decidedAt, String decidedBy) {

    public static DecisionView of(RoutingDecision decision) {
        return new DecisionView(decision.id, decision.appealId, decision.attempt, decision.municipalityCode,
                decision.municipalityName, decision.districtName, decision.organizationCode, decision.organizationName,
                decision.ruleId, decision.method, decision.dueAt, decision.dueEstimated, decision.decidedAt, decision.decidedBy);
    }
}
