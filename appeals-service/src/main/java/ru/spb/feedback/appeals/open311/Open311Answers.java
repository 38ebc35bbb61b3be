package ru.spb.feedback.appeals.open311;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import ru.spb.feedback.web.ProblemException;


/**
 * Open311 answers as HTTP responses: a body in the format the path asks for, and every error,
 * ours or raised by shared code, in the spec's error form.
 */
final class Open311Answers {

    private Open311Answers() {
    }

    static Response ok(Open311Body body, Open311Format format) {
        return Response.ok(body.render(format), format.mediaType()).build();
    }

    static Response error(Open311Error error, Open311Format format) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(format.mediaType()).entity(error.body().render(format));
        if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        return response.build();
    }

    /** A problem of shared code (a problem type lookup, say): its status and title. */
    static Open311Error of(ProblemException problem) {
        return Open311Error.of(problem.problem().status(), problem.problem().title());
    }

    /** A refusal of the JAX-RS layer. */
    static Open311Error of(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        return Open311Error.of(status, status == 405 ? "Method not allowed" : "Request not understood");
    }

    /** A failure: logged with its cause, answered without it. */
    static Open311Error unexpected(RuntimeException error) {
        Log.errorf(error, "Open311 request failed: %s", error.getClass().getName());
        return Open311Error.of(500, "General service error");
    }

    /** A 404 for anything else under /open311/v2 (tokens, a typo). */
    static Open311Error unknownEndpoint() {
        return Open311Error.notFound("No such Open311 endpoint: see discovery, services, services/{service_code}, requests, "
                + "requests/{service_request_id}, each .json or .xml");
    }

    static Open311Format format(String extension) {
        return Open311Format.of(extension).orElseThrow(() -> Open311Error.notFound("format must be json or xml"));
    }

    static Open311Format format(Open311Format.Resource resource) {
        return resource.format().orElseThrow(() -> Open311Error.notFound("format must be json or xml"));
    }

    /** The format the path asks for, JSON when it names none: errors are answered in it. */
    /** From the raw path: ".xml" or ".json" are plain characters there, and nothing is decoded that may not decode. */
    static Open311Format formatOfPath(String rawPath) {
        String last = rawPath == null ? "" : rawPath.substring(rawPath.lastIndexOf('/') + 1);
        return Open311Format.Resource.of(last).format().orElse(Open311Format.JSON);
    }
}
