package ru.spb.feedback.appeals.open311;

import io.quarkus.logging.Log;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.appeals.integrator.Integrator;
import ru.spb.feedback.appeals.integrator.IntegratorKeys;
import ru.spb.feedback.web.ProblemException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) for integrators: every endpoint in
 * {@code .json} and {@code .xml}, errors in the spec's form. Reads need no key; creating a request
 * does. The exception mappers of this class answer its errors, and only its errors, in that form.
 */
@Path("/open311/v2")
@PermitAll
@Tag(name = "Open311 GeoReport v2", description = "The open standard of civic-issue systems, for integrators (.json or .xml)")
public class Open311Resource {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Inject
    Open311Services services;

    @Inject
    ServiceRequests requests;

    @Inject
    IntegratorKeys keys;

    @Inject
    AppealsConfig config;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/discovery.{format}")
    @Operation(summary = "Service discovery", description = "Where the GeoReport v2 endpoint is, its formats, whom to ask for a key.")
    @APIResponse(responseCode = "200", description = "The discovery document")
    @APIResponse(responseCode = "404", description = "Unknown format")
    public Response discovery(@PathParam("format") String format) {
        return ok(services.discovery(), format(format));
    }

    @GET
    @Path("/services.{format}")
    @Operation(summary = "Services: one per problem type",
            description = "service_code = the problem type's code, group = its category; every service has a definition (metadata=true).")
    @APIResponse(responseCode = "200", description = "The services", content = {
            @Content(mediaType = "application/json", examples = @ExampleObject(name = "services", value = """
                    [{"service_code":"255","service_name":"Предложение по установке малых архитектурных форм","description":"…",\
                    "metadata":true,"type":"realtime","keywords":"Двор, Благоустройство","group":"Благоустройство"}]""")),
            @Content(mediaType = "text/xml")})
    @APIResponse(responseCode = "403", description = "api_key sent but unknown or revoked")
    @APIResponse(responseCode = "404", description = "Unknown format or jurisdiction_id")
    public Response services(@PathParam("format") String format,
                             @QueryParam("jurisdiction_id") String jurisdictionId,
                             @QueryParam("api_key") String apiKey) {
        Open311Format answerIn = format(format);
        checkJurisdiction(jurisdictionId);
        optionalIntegrator(apiKey);
        return ok(services.services(), answerIn);
    }

    @GET
    @Path("/services/{file}")
    @Operation(summary = "A service's definition: its attributes", description = "Path: services/{service_code}.{json|xml}.")
    @APIResponse(responseCode = "200", description = "The definition")
    @APIResponse(responseCode = "403", description = "api_key sent but unknown or revoked")
    @APIResponse(responseCode = "404", description = "Unknown service_code, format or jurisdiction_id")
    public Response definition(@Parameter(description = "service_code.format", example = "255.json") @PathParam("file") String file,
                               @QueryParam("jurisdiction_id") String jurisdictionId,
                               @QueryParam("api_key") String apiKey) {
        Open311Format.Resource resource = Open311Format.Resource.of(file);
        Open311Format answerIn = format(resource);
        checkJurisdiction(jurisdictionId);
        optionalIntegrator(apiKey);
        return ok(services.definition(resource.name()), answerIn);
    }

    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a service request",
            description = "Form-encoded, as the spec says. Needs api_key. Creates an appeal (a message, never an official "
                    + "59-ФЗ appeal) owned by the integrator's account for the person: account_id, else email, else device_id. "
                    + "An address_string without lat/long goes to a moderator for routing.")
    @RequestBody(content = @Content(mediaType = FORM, examples = @ExampleObject(name = "bench", value =
            "api_key=spb311_…&service_code=255&lat=59.9343&long=30.3351&address_string=ул.+Садовая,+50"
                    + "&email=ivan%40example.org&first_name=Иван&description=Нужна+скамейка+у+подъезда")))
    @APIResponse(responseCode = "200", description = "Created: service_request_id, service_notice, account_id")
    @APIResponse(responseCode = "400", description = "Missing or malformed fields, attribute[official]=true, location outside the city")
    @APIResponse(responseCode = "403", description = "api_key missing, unknown or revoked")
    @APIResponse(responseCode = "404", description = "Unknown service_code, format or jurisdiction_id")
    @APIResponse(responseCode = "415", description = "Not application/x-www-form-urlencoded")
    @APIResponse(responseCode = "429", description = "The key's requests per minute are used up (Retry-After)")
    public Response create(@PathParam("format") String format,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           String body) {
        Open311Format answerIn = format(format);
        MultivaluedMap<String, String> form = formOf(contentType, body);
        Integrator integrator = requiredIntegrator(form.getFirst("api_key"));
        checkJurisdiction(form.getFirst("jurisdiction_id"));
        return ok(requests.create(ServiceRequestForm.read(form), integrator), answerIn);
    }

    @GET
    @Path("/requests.{format}")
    @Operation(summary = "Service requests",
            description = "Newest first, in pages of page_size (at most and by default 1000; page 1 first; a page past the end is "
                    + "an empty list), registered in the last 90 days unless start_date/end_date say otherwise "
                    + "(at most 90 days apart). With service_request_id the other filters are ignored. Public requests are shown "
                    + "in the public view (point rounded to 3 decimals, address cut to the street, no description), only "
                    + "those of the key's municipality for a scoped key; the integrator's own requests in full.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "400", description = "Bad status, start_date, end_date, window, page or page_size")
    @APIResponse(responseCode = "403", description = "api_key sent but unknown or revoked")
    @APIResponse(responseCode = "404", description = "Unknown format or jurisdiction_id")
    @APIResponse(responseCode = "429", description = "The key's requests per minute are used up")
    public Response list(@PathParam("format") String format,
                         @QueryParam("jurisdiction_id") String jurisdictionId,
                         @QueryParam("api_key") String apiKey,
                         @Parameter(description = "Comma-separated ids") @QueryParam("service_request_id") List<String> ids,
                         @Parameter(description = "Comma-separated service codes") @QueryParam("service_code") List<String> serviceCodes,
                         @Parameter(description = "ISO 8601 with offset, e.g. 2026-11-01T00:00:00+03:00") @QueryParam("start_date") String startDate,
                         @QueryParam("end_date") String endDate,
                         @Parameter(description = "open, closed or both, comma-separated") @QueryParam("status") List<String> statuses,
                         @Parameter(description = "Extension: comma-separated municipality codes (OSM ids), e.g. 1123300")
                         @QueryParam("municipality_code") List<String> municipalityCodes,
                         @Parameter(description = "Extension (FixMyStreet, SeeClickFix): the page, 1-based; default 1", example = "1")
                         @QueryParam("page") String page,
                         @Parameter(description = "Extension: requests per page, 1–1000; default 1000", example = "100")
                         @QueryParam("page_size") String pageSize) {
        Open311Format answerIn = format(format);
        checkJurisdiction(jurisdictionId);
        Integrator integrator = optionalIntegrator(apiKey).orElse(null);
        RequestQuery query = RequestQuery.read(ids, serviceCodes, municipalityCodes, statuses, startDate, endDate, page, pageSize,
                config.open311().defaultWindow(), config.open311().maxRequests(), Instant.now());
        return ok(requests.list(query, integrator), answerIn);
    }

    @GET
    @Path("/requests/{file}")
    @Operation(summary = "One service request", description = "Path: requests/{service_request_id}.{json|xml}; a list of one, as the spec says.")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "403", description = "api_key sent but unknown or revoked")
    @APIResponse(responseCode = "404", description = "No such request visible to the caller, unknown format or jurisdiction_id")
    public Response one(@Parameter(description = "service_request_id.format", example = "SPB-2026-000123.json") @PathParam("file") String file,
                        @QueryParam("jurisdiction_id") String jurisdictionId,
                        @QueryParam("api_key") String apiKey) {
        Open311Format.Resource resource = Open311Format.Resource.of(file);
        Open311Format answerIn = format(resource);
        checkJurisdiction(jurisdictionId);
        Integrator integrator = optionalIntegrator(apiKey).orElse(null);
        return ok(requests.one(resource.name(), integrator), answerIn);
    }

    /** Anything else under /open311/v2 (tokens, a typo) is a 404 in the spec's form. */
    @GET
    @Path("/{path: .*}")
    @Operation(hidden = true)
    public Response unknownRead(@PathParam("path") String path) {
        throw unknownEndpoint();
    }

    @POST
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unknownCreate(@PathParam("path") String path) {
        throw unknownEndpoint();
    }

    @PUT
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unknownReplace(@PathParam("path") String path) {
        throw unknownEndpoint();
    }

    @DELETE
    @Path("/{path: .*}")
    @Operation(hidden = true)
    public Response unknownDelete(@PathParam("path") String path) {
        throw unknownEndpoint();
    }

    @PATCH
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unknownChange(@PathParam("path") String path) {
        throw unknownEndpoint();
    }

    private static Open311Error unknownEndpoint() {
        return Open311Error.notFound("No such Open311 endpoint: see discovery, services, services/{service_code}, requests, "
                + "requests/{service_request_id}, each .json or .xml");
    }

    @ServerExceptionMapper
    public Response open311Error(Open311Error error) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(formatOfPath().mediaType()).entity(error.body().render(formatOfPath()));
        if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        return response.build();
    }

    /** Errors raised by shared code (a problem type lookup, the JAX-RS layer) in the spec's form too. */
    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        return open311Error(Open311Error.of(problem.problem().status(), problem.problem().title()));
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        return open311Error(Open311Error.of(status, status == 405 ? "Method not allowed" : "Request not understood"));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException error) {
        Log.errorf(error, "Open311 request failed: %s", error.getClass().getName());
        return open311Error(Open311Error.of(500, "General service error"));
    }

    private Open311Format format(String extension) {
        return Open311Format.of(extension).orElseThrow(() -> Open311Error.notFound("format must be json or xml"));
    }

    private Open311Format format(Open311Format.Resource resource) {
        return resource.format().orElseThrow(() -> Open311Error.notFound("format must be json or xml"));
    }

    /** The format the path asks for, JSON when it names none: errors are answered in it. */
    private Open311Format formatOfPath() {
        List<jakarta.ws.rs.core.PathSegment> segments = uriInfo.getPathSegments();
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1).getPath();
        return Open311Format.Resource.of(last).format().orElse(Open311Format.JSON);
    }

    private void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.trim().equals(config.open311().jurisdictionId())) {
            throw Open311Error.notFound("jurisdiction_id not found: this server serves " + config.open311().jurisdictionId());
        }
    }

    /** Reads may name a key (to see the integrator's own requests); a key that is sent must be valid. */
    private Optional<Integrator> optionalIntegrator(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(requiredIntegrator(apiKey));
    }

    private Integrator requiredIntegrator(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Error.forbidden("api_key was not provided");
        }
        Integrator integrator = keys.authenticate(apiKey)
                .orElseThrow(() -> Open311Error.forbidden("Invalid api_key received -- can't proceed"));
        OptionalLong retryAfter = keys.spend(integrator);
        if (retryAfter.isPresent()) {
            throw Open311Error.tooManyRequests(retryAfter.getAsLong());
        }
        return integrator;
    }

    /**
     * The form fields of the body, with those of the query string (some clients put api_key
     * there); a field given in both is reported as given twice.
     */
    private MultivaluedMap<String, String> formOf(String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw Open311Error.of(415, "Send the request as application/x-www-form-urlencoded");
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> form.addAll(name, values));
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    form.add(name, value);
                } catch (IllegalArgumentException e) {
                    throw Open311Error.badRequest("The form is not properly URL-encoded");
                }
            }
        }
        return form;
    }

    private static Response ok(Open311Body body, Open311Format format) {
        return Response.ok(body.render(format), format.mediaType()).build();
    }
}
