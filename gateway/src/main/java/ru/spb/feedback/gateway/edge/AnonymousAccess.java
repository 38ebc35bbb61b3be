package ru.spb.feedback.gateway.edge;

import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.gateway.config.GatewayConfig;

import java.util.List;

/**
 * The requests the services answer without a token (their {@code @PermitAll} endpoints and Open311). Everything
 * else needs a valid bearer token before any upstream sees it.
 */
@ApplicationScoped
public class AnonymousAccess {

    private final List<Rule> rules;

    AnonymousAccess(GatewayConfig config) {
        rules = config.anonymous().stream().map(Rule::parse).toList();
    }

    public boolean allows(HttpMethod method, String path) {
        return rules.stream().anyMatch(rule -> rule.matches(method, path));
    }

    private record Rule(String method, PathPrefix prefix) {

        static Rule parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("gateway.anonymous entries read 'METHOD /prefix', not: " + text);
            }
            return new Rule(parts[0].toUpperCase(), new PathPrefix(parts[1]));
        }

        boolean matches(HttpMethod requested, String path) {
            boolean methodMatches = method.equals("*") || method.equals(requested.name())
                    || method.equals("GET") && requested == HttpMethod.HEAD;
            return methodMatches && prefix.matches(path);
        }
    }
}
