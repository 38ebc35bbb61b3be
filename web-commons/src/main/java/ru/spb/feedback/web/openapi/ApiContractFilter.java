package ru.spb.feedback.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import ru.spb.feedback.web.Problem;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's API document says the same way, added here instead of on each resource (registered for all
 * modules in web-commons' {@code META-INF/microprofile-config.properties}, run once at build time):
 * <ul>
 *   <li>the error answers each operation can get, as {@code application/problem+json} ({@link ProblemSchema}): 400 where
 *       it takes input, 401 everywhere (the gateway refuses a bad token on any path), 403 where it needs one, 404 where its path names something or it takes a query, 413 and 415 where it
 *       takes a body, and 429, 500 and 503 everywhere. A resource documents an error only to say what it means there;
 *       the filter gives it the problem body;</li>
 *   <li>the gateway's rate-limit headers on every 2xx and 4xx answer, {@code Retry-After} on 429 and 503, and
 *       {@code Access-Control-Allow-Origin} on every answer (for the origins in {@code gateway.cors.origins}). Clients
 *       reach a service only through the gateway (ADR 0010), so they are part of each service's contract;</li>
 *   <li>that a property which is not required may be {@code null} ({@link Nullability});</li>
 *   <li>the HTTP server's limits on parameters and raw bodies that state none ({@link RequestLimits});</li>
 *   <li>the bounds that follow from a value's type: an {@code int32}/{@code int64} cannot be outside its range, a
 *       date-time or UUID has a longest form. Bounds the code enforces on purpose come from Bean Validation, which
 *       SmallRye OpenAPI reads by itself.</li>
 * </ul>
 * An operation that documents a code itself keeps its description; Open311's own error formats keep their content.
 */
public class ApiContractFilter implements OASFilter {

    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    /** The shared answers, by status: each becomes {@code #/components/responses/<name>}. */
    private static final Map<String, StandardAnswer> ANSWERS = new LinkedHashMap<>();

    private record StandardAnswer(String name, String description) {
    }

    static {
        answer("400", "BadRequest", "The request is malformed or a value is invalid (problem `violations` name the fields)");
        answer("401", "Unauthorized", "A bearer token is needed and missing, or one was sent and is invalid or expired");
        answer("403", "Forbidden", "The token's roles do not allow this");
        answer("404", "NotFound", "Nothing with this identifier, or not visible to the caller; also a path or query "
                + "value that does not convert to its type (JAX-RS: a malformed id names nothing)");
        answer("413", "PayloadTooLarge", "The body is larger than this endpoint accepts");
        answer("415", "UnsupportedMediaType", "The body is not of a media type this endpoint documents");
        answer("429", "TooManyRequests", "Too many requests from this caller; wait for `Retry-After` seconds");
        answer("500", "InternalError", "An unexpected fault; quote the problem's `requestId` when reporting it");
        answer("503", "Unavailable", "The database or the broker is briefly unavailable; retry after `Retry-After` seconds");
    }

    private static void answer(String status, String name, String description) {
        ANSWERS.put(status, new StandardAnswer(name, description));
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(ProblemSchema.NAME, ProblemSchema.schema());
        addHeaders(components);
        ANSWERS.forEach((status, answer) -> components.addResponse(answer.name(), standardResponse(status, answer)));

        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            RequestLimits limits = RequestLimits.ofThisService();
            api.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(operation ->
                    documentAnswers(path, item, operation, securedByDefault, limits)));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(TypeBounds::apply);
            Nullability.apply(components.getSchemas());
        }
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
    }

    private static void documentAnswers(String path, PathItem item, Operation operation, boolean securedByDefault,
                                        RequestLimits limits) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        parameters.forEach(parameter -> {
            TypeBounds.apply(parameter.getSchema());
            limits.applyTo(parameter);
        });
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().forEach((type, mediaType) -> {
                TypeBounds.apply(mediaType.getSchema());
                if (type.startsWith("multipart/") || type.equals("application/x-www-form-urlencoded")) {
                    limits.applyToForm(mediaType.getSchema());
                } else {
                    limits.applyToBody(mediaType.getSchema());
                }
            });
        }

        boolean takesInput = !parameters.isEmpty() || operation.getRequestBody() != null;
        boolean takesBody = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() == null ? securedByDefault
                : operation.getSecurity().stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
        // JAX-RS answers a path or query value that does not convert to its type with 404
        boolean namesSomething = path.contains("{") || parameters.stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY);

        addIfAbsent(responses, "400", takesInput);
        // the gateway refuses an invalid token on any path, also where none is needed
        addIfAbsent(responses, "401", true);
        addIfAbsent(responses, "403", secured);
        addIfAbsent(responses, "404", namesSomething);
        addIfAbsent(responses, "413", takesBody);
        addIfAbsent(responses, "415", takesBody);
        addIfAbsent(responses, "429", true);
        addIfAbsent(responses, "500", true);
        addIfAbsent(responses, "503", true);

        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            if (isError(status) && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
            if (status.startsWith("2") || status.startsWith("4")) {
                addRateLimitHeaders(response);
            }
            if (status.equals("429") || status.equals("503")) {
                addHeaderRef(response, RETRY_AFTER);
            }
            addHeaderRef(response, ALLOW_ORIGIN);
        });
    }

    private static void addIfAbsent(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .ref("#/components/responses/" + ANSWERS.get(status).name()));
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static APIResponse standardResponse(String status, StandardAnswer answer) {
        APIResponse response = OASFactory.createAPIResponse().description(answer.description()).content(problemContent());
        if (status.startsWith("4")) {
            addRateLimitHeaders(response);
        }
        if (status.equals("429") || status.equals("503")) {
            addHeaderRef(response, RETRY_AFTER);
        }
        addHeaderRef(response, ALLOW_ORIGIN);
        return response;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + ProblemSchema.NAME)));
    }

    private static void addRateLimitHeaders(APIResponse response) {
        for (String header : List.of(RATE_LIMIT_LIMIT, RATE_LIMIT_REMAINING, RATE_LIMIT_RESET)) {
            addHeaderRef(response, header);
        }
    }

    private static void addHeaderRef(APIResponse response, String header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
            response.addHeader(header, OASFactory.createHeader().ref("#/components/headers/" + header));
        }
    }

    private static void addHeaders(Components components) {
        components.addHeader(RATE_LIMIT_LIMIT, boundedIntegerHeader(
                "Requests of this kind the caller may make in a burst (set by the gateway, per route class)", 1_000_000));
        components.addHeader(RATE_LIMIT_REMAINING, boundedIntegerHeader("Of them, how many are left now (set by the gateway)", 1_000_000));
        components.addHeader(RATE_LIMIT_RESET, boundedIntegerHeader("Seconds until the allowance is full again (set by the gateway)", 86_400));
        components.addHeader(RETRY_AFTER, boundedIntegerHeader("Seconds to wait before trying again", 86_400));
        components.addHeader(ALLOW_ORIGIN, OASFactory.createHeader()
                .description("Set by the gateway when the request's Origin is one it allows (gateway.cors.origins)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(2048)));
    }

    private static Header boundedIntegerHeader(String description, int maximum) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(maximum)));
    }

}
