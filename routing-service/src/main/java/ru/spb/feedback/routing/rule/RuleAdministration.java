package ru.spb.feedback.routing.rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ru.spb.feedback.routing.organization.Organization;
import ru.spb.feedback.routing.territory.District;
import ru.spb.feedback.routing.territory.Municipality;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Admins' CRUD on responsibility rules, with checks that a rule can actually apply. */
@ApplicationScoped
public class RuleAdministration {

    public List<RoutingRule> list() {
        return RoutingRule.list("order by id");
    }

    public RoutingRule get(long id) {
        RoutingRule rule = RoutingRule.findById(id);
        if (rule == null) {
            throw ProblemException.notFound("Routing rule " + id);
        }
        return rule;
    }

    @Transactional
    public RoutingRule create(RuleRequest request) {
        RoutingRule rule = new RoutingRule();
        rule.createdAt = Instant.now();
        apply(rule, request);
        rule.persist();
        return rule;
    }

    @Transactional
    public RoutingRule replace(long id, RuleRequest request) {
        RoutingRule rule = get(id);
        apply(rule, request);
        return rule;
    }

    @Transactional
    public void delete(long id) {
        RoutingRule.deleteById(get(id).id);
    }

    private static void apply(RoutingRule rule, RuleRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        String subjectCode = blankToNull(request.subjectCode());
        String territoryCode = blankToNull(request.territoryCode());
        if (request.subjectLevel() == RoutingRule.SubjectLevel.ANY && subjectCode != null) {
            violations.add(new Problem.Violation("subjectCode", "must be absent for subjectLevel ANY"));
        } else if (request.subjectLevel() != RoutingRule.SubjectLevel.ANY && subjectCode == null) {
            violations.add(new Problem.Violation("subjectCode", "is required for subjectLevel " + request.subjectLevel()));
        }
        switch (request.territoryLevel()) {
            case CITY -> {
                if (territoryCode != null) {
                    violations.add(new Problem.Violation("territoryCode", "must be absent for territoryLevel CITY"));
                }
            }
            case MUNICIPALITY -> {
                if (territoryCode == null || Municipality.findById(territoryCode) == null) {
                    violations.add(new Problem.Violation("territoryCode", "must be the code of a known municipality"));
                }
            }
            case DISTRICT -> {
                if (territoryCode == null || District.findById(territoryCode) == null) {
                    violations.add(new Problem.Violation("territoryCode", "must be the code of a known district"));
                }
            }
        }
        if (Organization.findById(request.organizationCode().trim()) == null) {
            violations.add(new Problem.Violation("organizationCode", "must be the code of a known organization"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        boolean taken = RoutingRule.<RoutingRule>list("subjectLevel = ?1 and territoryLevel = ?2",
                        request.subjectLevel(), request.territoryLevel()).stream()
                .anyMatch(other -> !other.id.equals(rule.id) && Objects.equals(other.subjectCode, subjectCode)
                        && Objects.equals(other.territoryCode, territoryCode));
        if (taken) {
            throw ProblemException.conflict("rule-exists", "A rule for this subject and territory exists already; change that one");
        }
        rule.subjectLevel = request.subjectLevel();
        rule.subjectCode = subjectCode;
        rule.territoryLevel = request.territoryLevel();
        rule.territoryCode = territoryCode;
        rule.organizationCode = request.organizationCode().trim();
        rule.note = blankToNull(request.note());
        rule.updatedAt = Instant.now();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
