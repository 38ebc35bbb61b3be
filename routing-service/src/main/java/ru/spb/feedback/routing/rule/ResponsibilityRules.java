package ru.spb.feedback.routing.rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Finds the rule that decides who answers an appeal. */
@ApplicationScoped
public class ResponsibilityRules {

    /**
     * What is being routed.
     *
     * @param problemTypeCode the problem type (the appeal's {@code categoryCode})
     * @param groupCode       its category in the classifier
     * @param objectCode      its object in the classifier
     * @param municipalityCode where the problem is
     * @param districtCode     the municipality's district
     */
    public record Subject(String problemTypeCode, String groupCode, String objectCode, String municipalityCode,
                          String districtCode) {
    }

    /**
     * The most specific rule that applies and whose organization has not declined the appeal;
     * ties go to the older rule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<RoutingRule> decide(Subject subject, Set<String> excludedOrganizations) {
        List<RoutingRule> rules = RoutingRule.listAll();
        return rules.stream()
                .filter(rule -> matchesSubject(rule, subject) && matchesTerritory(rule, subject))
                .filter(rule -> !excludedOrganizations.contains(rule.organizationCode))
                .min(Comparator.comparingInt(RoutingRule::specificity).reversed().thenComparing(rule -> rule.id));
    }

    static boolean matchesSubject(RoutingRule rule, Subject subject) {
        return switch (rule.subjectLevel) {
            case PROBLEM_TYPE -> rule.subjectCode.equals(subject.problemTypeCode());
            case CATEGORY -> rule.subjectCode.equals(subject.groupCode());
            case OBJECT -> rule.subjectCode.equals(subject.objectCode());
            case ANY -> true;
        };
    }

    static boolean matchesTerritory(RoutingRule rule, Subject subject) {
        return switch (rule.territoryLevel) {
            case MUNICIPALITY -> rule.territoryCode.equals(subject.municipalityCode());
            case DISTRICT -> rule.territoryCode.equals(subject.districtCode());
            case CITY -> true;
        };
    }
}
