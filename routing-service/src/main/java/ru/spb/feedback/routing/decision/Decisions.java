package ru.spb.feedback.routing.decision;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.web.ProblemException;

import java.util.List;
import java.util.UUID;

/** The routing decisions made for appeals, for moderators and admins to see why each went where it went. */
@ApplicationScoped
public class Decisions {

    /** Every decision of the appeal, first to last; a 404 if routing never saw it. */
    public List<DecisionView> of(UUID appealId) {
        if (RoutingRequest.findById(appealId) == null) {
            throw ProblemException.notFound("Appeal " + appealId);
        }
        return RoutingDecision.<RoutingDecision>list("appealId = ?1 order by id", appealId).stream().map(DecisionView::of).toList();
    }
}
