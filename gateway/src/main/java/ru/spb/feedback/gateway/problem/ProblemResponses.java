package ru.spb.feedback.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.web.Problem;

import java.io.UncheckedIOException;

/** Answers a request the gateway itself refuses or cannot pass on, as application/problem+json. */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext context, Problem problem) {
        send(context, problem, false);
    }

    /**
     * @param closeConnection for a body the gateway will not read to its end: closing is cheaper than draining it
     */
    public void send(RoutingContext context, Problem problem, boolean closeConnection) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.closed()) {
            // the upstream's answer had already started: all that is left is to cut it off
            if (!response.closed()) {
                response.reset();
            }
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem.at(request.path(), RequestIdOf.of(context)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeConnection) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        } else if (!request.isEnded()) {
            // a small body the gateway did not pass on: read and drop it so the connection can be reused
            request.resume();
        }
        response.end(body);
    }
}
