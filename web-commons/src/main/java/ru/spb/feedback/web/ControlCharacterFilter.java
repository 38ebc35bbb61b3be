package ru.spb.feedback.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses path and query values that hold control characters or are not valid percent-encoded UTF-8, before any
 * resource, query or log line sees them: a 400 naming each parameter. It runs after matching, so a resource's own
 * error form (Open311's) applies.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPathParameters(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException malformed) {
            throw new ProblemException(Problem.of(400, "malformed-url", "Malformed URL",
                    "The path or query is not valid percent-encoded UTF-8"));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        collect(path, violations);
        collect(query, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static void collect(MultivaluedMap<String, String> values, List<Problem.Violation> violations) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            boolean bad = InputCharacters.inValue(entry.getKey())
                    || entry.getValue().stream().anyMatch(value -> InputCharacters.inValue(value) || value.indexOf('\uFFFD') >= 0);
            if (bad) {
                // the name is the client's too: never quote one that holds what is refused
                String name = InputCharacters.inValue(entry.getKey()) ? "(parameter name)" : entry.getKey();
                violations.add(new Problem.Violation(name, InputCharacters.MESSAGE + " and must be valid UTF-8"));
            }
        }
    }
}
