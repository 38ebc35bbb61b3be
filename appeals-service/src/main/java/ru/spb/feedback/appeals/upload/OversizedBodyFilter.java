package ru.spb.feedback.appeals.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.RequestIds;

import java.util.Optional;

/**
 * Answers a request whose declared {@code Content-Length} exceeds
 * {@code quarkus.http.limits.max-body-size} with a 413 problem before anything reads the body.
 * Otherwise the HTTP layer would find out while reading and answer with an empty 413, not a
 * problem. (A chunked body without a length still gets that empty 413.)
 */
@ApplicationScoped
public class OversizedBodyFilter {

    /** Runs before the routes and authentication, so nothing reads the body first. */
    private static final int PRIORITY = 1000;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        maxBodySize.ifPresent(limit -> filters.register(context -> check(context, limit.asLongValue()), PRIORITY));
    }

    private void check(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !isLongerThan(declared, limit)) {
            context.next();
            return;
        }
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        Problem problem = Problem.of(413, "request-too-large", "Request too large",
                "The request body may have at most " + limit + " bytes").at(context.request().path(), requestId);
        try {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(RequestIds.HEADER, requestId)
                    // the unread body would follow on this connection: close it
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static boolean isLongerThan(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
