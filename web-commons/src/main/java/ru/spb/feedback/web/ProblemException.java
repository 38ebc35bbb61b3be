package ru.spb.feedback.web;

import java.util.List;

/** Thrown anywhere in a request to answer with the given problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist or is not yours to see"));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(Problem.validation(violations));
    }
}
