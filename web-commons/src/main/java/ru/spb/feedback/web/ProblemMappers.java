package ru.spb.feedback.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure of a request into {@code application/problem+json}. Bad input is always a
 * 4xx with a reason; only our own bugs are a 500, and those never show internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 asks the client to wait: a restarted PostgreSQL takes seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return respond(e.problem(), request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .collect(Collectors.toList());
        return respond(Problem.validation(violations), request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, ContainerRequestContext request) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where), request);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        return respond(wrongShape(e), request);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, ContainerRequestContext request) {
        return respond(wrongShape(e), request);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, ContainerRequestContext request) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON"), request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"), request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        // the JSON reader wraps its own failures; answer those as the Jackson mappers would
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse, request);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, request);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return otherJson(other, request);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method " + request.getMethod() + " is not allowed here";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "Unsupported content type: send the media type this endpoint documents "
                    + "(application/json for JSON bodies, multipart/form-data for uploads)";
            default -> title;
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug(title), title, detail).at(request.getUriInfo().getPath(), RequestIdFilter.of(request)));
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /**
     * The body could not be read: the HTTP layer stopped a chunked body over the size limit, or
     * the client went away. The client's doing, not ours: no stack trace at error level.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, ContainerRequestContext request) {
        if ("Request too large".equals(e.getMessage())) {
            return respond(Problem.of(413, "request-too-large", "Request too large",
                    "The request body is larger than this endpoint accepts"), request);
        }
        LOG.debugf("request body could not be read: %s", e.toString());
        return respond(Problem.of(400, "unreadable-body", "Unreadable body", "The request body could not be read"), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, request);
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote the request id when reporting it"), request);
    }

    /**
     * The database is down, restarting or out of connections: nothing was stored (the transaction
     * did not commit), so the client may safely retry, with the same Idempotency-Key for a POST.
     */
    private Response unavailable(Throwable e, ContainerRequestContext request) {
        LOG.warnf("database unavailable: %s", e.getClass().getSimpleName());
        Response response = respond(Problem.of(503, "database-unavailable", "Service unavailable",
                "The service cannot reach its database for the moment; nothing was changed, retry after "
                        + RETRY_AFTER_SECONDS + " s"), request);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return response;
    }

    private Response unauthorized(ContainerRequestContext request) {
        Response response = respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required"), request);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    private static Response respond(Problem problem, ContainerRequestContext request) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(request.getUriInfo().getPath(), RequestIdFilter.of(request)))
                .build();
    }

    /** Names the field without quoting the value (Jackson's own message would). */
    private static Problem wrongShape(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "The request body does not have the expected structure");
        }
        String message = InputCharacters.MESSAGE.equals(e.getOriginalMessage())
                ? e.getOriginalMessage() : "has the wrong type or format";
        return Problem.validation(List.of(new Problem.Violation(field, message)));
    }

    /**
     * The JSON path of the violating field. For a method parameter the method and body-parameter
     * names are dropped ({@code submit.request.location.lat} becomes {@code location.lat}); a query
     * or path parameter keeps its own name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> all = new ArrayList<>();
        violation.getPropertyPath().iterator().forEachRemaining(all::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Path.Node node = all.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER && i + 1 < all.size()) {
                continue;
            }
            // a node inside a list or map carries the position in it: items[0].name, codes[1]
            if (node.isInIterable() && field.length() > 0) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null && !node.getName().isEmpty()) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
