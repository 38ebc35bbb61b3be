package ru.spb.feedback.routing.rule;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "RoutingRule")
public record RuleView(long id, RoutingRule.SubjectLevel subjectLevel, String subjectCode,
                       RoutingRule.TerritoryLevel territoryLevel, String territoryCode, String organizationCode,
                       String note, int specificity, Instant createdAt, Instant updatedAt) {

    static RuleView of(RoutingRule rule) {
        return new RuleView(rule.id, rule.subjectLevel, rule.subjectCode, rule.territoryLevel, rule.territoryCode,
                rule.organizationCode, rule.note, rule.specificity(), rule.createdAt, rule.updatedAt);
    }
}
