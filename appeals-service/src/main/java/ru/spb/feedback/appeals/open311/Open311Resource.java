package ru.spb.feedback.appeals.open311;

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
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) for integrators: every endpoint in
 * {@code .json} and {@code .xml}, errors in the spec's form. Reads need no key; creating a request
 * does. The exception mappers of this class answer its errors, and only its errors, in that form.
 * This class only maps HTTP to calls: {@link Open311ApiKeys} checks keys, {@link Open311Form}
 * decodes the form, {@link Open311Answers} makes the answers in the spec's form.
 */
@Path("/open311/v2")
@PermitAll
@Tag(name = "Open311 GeoReport v2", description = "The open standard of civic-issue systems, for integrators (.json or .xml)")
public class Open311Resource {

    private static final String FORM = Open311Form.MEDIA_TYPE;

    @Inject
    Open311Services services;

    @Inject
    ServiceRequests requests;

    @Inject
    Open311ApiKeys apiKeys;

    @Inject
    Open311Jurisdiction jurisdiction;

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
        return Open311Answers.ok(services.discovery(), Open311Answers.format(format));
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
        Open311Format answerIn = Open311Answers.format(format);
        jurisdiction.check(jurisdictionId);
        apiKeys.optional(apiKey);
        return Open311Answers.ok(services.services(), answerIn);
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
        Open311Format answerIn = Open311Answers.format(resource);
        jurisdiction.check(jurisdictionId);
        apiKeys.optional(apiKey);
        return Open311Answers.ok(services.definition(resource.name()), answerIn);
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
        Open311Format answerIn = Open311Answers.format(format);
        MultivaluedMap<String, String> form = Open311Form.decode(contentType, body, uriInfo.getQueryParameters());
        Integrator integrator = apiKeys.required(form.getFirst("api_key"));
        jurisdiction.check(form.getFirst("jurisdiction_id"));
        return Open311Answers.ok(requests.create(ServiceRequestForm.read(form), integrator), answerIn);
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
        Open311Format answerIn = Open311Answers.format(format);
        jurisdiction.check(jurisdictionId);
        Integrator integrator = apiKeys.optional(apiKey).orElse(null);
        RequestQuery query = RequestQuery.read(ids, serviceCodes, municipalityCodes, statuses, startDate, endDate, page, pageSize,
                config.open311().defaultWindow(), config.open311().maxRequests(), Instant.now());
        return Open311Answers.ok(requests.list(query, integrator), answerIn);
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
        Open311Format answerIn = Open311Answers.format(resource);
        jurisdiction.check(jurisdictionId);
        Integrator integrator = apiKeys.optional(apiKey).orElse(null);
        return Open311Answers.ok(requests.one(resource.name(), integrator), answerIn);
    }

    /** Anything else under /open311/v2 (tokens, a typo) is a 404 in the spec's form. */
    @GET
    @Path("/{path: .*}")
    @Operation(hidden = true)
    public Response unknownRead(@PathParam("path") String path) {
        throw Open311Answers.unknownEndpoint();
    }

    @POST
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unknownCreate(@PathParam("path") String path) {
        throw Open311Answers.unknownEndpoint();
    }

    @PUT
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unknownReplace(@PathParam("path") String path) {
        throw Open311Answers.unknownEndpoint();
    }

    @DELETE
    @Path("/{path: .*}")
    @Operation(hidden = true)
    public Response unknownDelete(@PathParam("path") String path) {
        throw Open311Answers.unknownEndpoint();
    }

    @PATCH
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unknownChange(@PathParam("path") String path) {
        throw Open311Answers.unknownEndpoint();
    }

    @ServerExceptionMapper
    public Response open311Error(Open311Error error) {
        // the raw path: decoding it again fails on one such as "discovery.%25"
        return Open311Answers.error(error, Open311Answers.formatOfPath(uriInfo.getRequestUri().getRawPath()));
    }

    /** Errors raised by shared code (a problem type lookup, the JAX-RS layer) in the spec's form too. */
    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        return open311Error(Open311Answers.of(problem));
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException error) {
        return open311Error(Open311Answers.of(error));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException error) {
        return open311Error(Open311Answers.unexpected(error));
    }
}
