package ru.spb.feedback.gateway.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import ru.spb.feedback.gateway.config.GatewayConfig;
import ru.spb.feedback.gateway.limit.RateLimits;
import ru.spb.feedback.gateway.limit.RouteClass;
import ru.spb.feedback.gateway.limit.StreamSlots;
import ru.spb.feedback.gateway.problem.ProblemResponses;
import ru.spb.feedback.gateway.proxy.Forwarder;
import ru.spb.feedback.gateway.proxy.Upstream;
import ru.spb.feedback.gateway.proxy.Upstreams;
import ru.spb.feedback.web.Problem;

import java.time.Instant;
import java.util.Optional;

/**
 * The public API: every {@code /api/v1/**} and {@code /open311/**} request is checked here (path, token, size)
 * and, if it passes, handed to the upstream that owns its path. Nothing reaches an upstream before these checks.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final String BEARER = "bearer ";

    private final RouteTable routes;
    private final AnonymousAccess anonymous;
    private final Tokens tokens;
    private final Upstreams upstreams;
    private final Forwarder forwarder;
    private final ProblemResponses problems;
    private final RateLimits limits;
    private final StreamRoutes streamRoutes;
    private final StreamSlots streamSlots;
    private final PathPrefix uploads;
    private final long maxBodyBytes;

    ApiRoutes(RouteTable routes, AnonymousAccess anonymous, Tokens tokens, Upstreams upstreams,
              Forwarder forwarder, ProblemResponses problems, RateLimits limits, StreamRoutes streamRoutes,
              StreamSlots streamSlots, GatewayConfig config) {
        this.routes = routes;
        this.anonymous = anonymous;
        this.tokens = tokens;
        this.upstreams = upstreams;
        this.forwarder = forwarder;
        this.problems = problems;
        this.limits = limits;
        this.streamRoutes = streamRoutes;
        this.streamSlots = streamSlots;
        this.uploads = new PathPrefix(config.rateLimit().uploadPrefix());
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").handler(this::handle);
        router.route("/open311/*").handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        // nothing of the body is read until the request is known to go through, and then it streams
        request.pause();
        String path = request.path();
        if (!path.equals(context.normalizedPath())) {
            // "/api/v1/categories/../appeals" would match a public prefix here and a protected endpoint upstream
            problems.send(context, Problem.of(400, "non-canonical-path", "Non-canonical path",
                    "The path must not contain dot segments or encoded characters that change its meaning"));
            return;
        }
        Optional<String> owner = routes.upstreamOf(path);
        if (owner.isEmpty()) {
            problems.send(context, Problem.of(404, "not-found", "Not Found", "No such resource"));
            return;
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        // before the token check too: guessing tokens costs requests like anything else
        if (overLimit(context, RouteClass.PER_IP, client)) {
            return;
        }
        Optional<String> token = bearerToken(request);
        Optional<Tokens.Verified> verified = token.flatMap(tokens::verify);
        if (token.isPresent()) {
            if (verified.isEmpty()) {
                unauthorized(context, "The bearer token is invalid or expired");
                return;
            }
            if (overLimit(context, RouteClass.ofAuthenticated(request.method(), uploads.matches(path)), verified.get().subject())) {
                return;
            }
        } else if (!anonymous.allows(request.method(), path)) {
            unauthorized(context, "A valid bearer token is required");
            return;
        } else if (overLimit(context, RouteClass.ANONYMOUS, client)) {
            return;
        }
        String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null && declaredLength.length() < 20 && declaredLength.chars().allMatch(Character::isDigit)
                && Long.parseLong(declaredLength) > maxBodyBytes) {
            problems.send(context, Forwarder.tooLarge(), true);
            return;
        }
        if (streamRoutes.isStream(path)) {
            openStream(context, upstreams.named(owner.get()), verified);
            return;
        }
        forwarder.forward(context, upstreams.named(owner.get()), maxBodyBytes);
    }

    /**
     * A stream with a token takes one of its citizen's slots before the upstream is asked, and ends when the token
     * expires. One with a stream ticket is counted once the upstream's answer says whose it is (see ADR 0018).
     */
    private void openStream(RoutingContext context, Upstream upstream,
                            Optional<Tokens.Verified> verified) {
        Optional<Instant> endsAt = verified.map(Tokens.Verified::expiresAt);
        if (verified.isPresent()) {
            Optional<StreamSlots.Slot> slot = streamSlots.take(verified.get().subject());
            if (slot.isEmpty()) {
                problems.send(context, streamSlots.refusal());
                return;
            }
            // end or close, whichever comes: the slot is free again
            context.addEndHandler(ended -> slot.get().release());
        }
        forwarder.forwardStream(context, upstream, maxBodyBytes, endsAt, verified.isPresent());
    }

    private boolean overLimit(RoutingContext context, RouteClass routeClass, String key) {
        RateLimits.Allowance allowance = limits.take(routeClass, key);
        // the caller's own bucket is taken last, so its figures are the ones the answer carries
        context.response().putHeader("RateLimit-Limit", Long.toString(allowance.limit()))
                .putHeader("RateLimit-Remaining", Long.toString(allowance.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(allowance.resetSeconds()));
        if (allowance.allowed()) {
            return false;
        }
        context.response().putHeader("Retry-After", Long.toString(allowance.retryAfter()));
        problems.send(context, Problem.of(429, "rate-limited", "Too many requests",
                "Too many " + routeClass.configName() + " requests; try again in " + allowance.retryAfter() + " s"));
        return true;
    }

    private void unauthorized(RoutingContext context, String detail) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        problems.send(context, Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    private static Optional<String> bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim());
    }
}
