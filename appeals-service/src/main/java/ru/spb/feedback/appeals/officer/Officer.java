package ru.spb.feedback.appeals.officer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

/** The calling officer and the organization their token names. */
@RequestScoped
public class Officer {

    @Inject
    Caller caller;

    public String id() {
        return caller.id();
    }

    /** The token's {@code organization} claim; an officer token without one is refused (403). */
    public String organization() {
        return caller.organization().orElseThrow(() -> new ProblemException(Problem.of(403, "no-organization", "Forbidden",
                "The officer token names no organization (claim 'organization')")));
    }

    public Actor actor() {
        return Actor.officer(id(), organization());
    }
}
