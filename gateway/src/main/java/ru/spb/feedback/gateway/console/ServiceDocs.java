package ru.spb.feedback.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import ru.spb.feedback.gateway.proxy.Upstream;
import ru.spb.feedback.gateway.proxy.Upstreams;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Each service's OpenAPI document, served by the gateway with the gateway as its only server, so the one
 * Swagger UI at {@code /q/swagger-ui} lists every service and "try it out" goes through the gateway's checks.
 */
@Path("/openapi")
@Tag(name = "Console", description = "The services' API documents for the Swagger UI")
public class ServiceDocs {

    private static final Logger LOG = Logger.getLogger(ServiceDocs.class);
    /** A document is small; a service that takes longer is treated as unavailable. */
    private static final long FETCH_TIMEOUT_MILLIS = 5_000;

    private final Upstreams upstreams;
    private final ObjectMapper json;

    ServiceDocs(Upstreams upstreams, ObjectMapper json) {
        this.upstreams = upstreams;
        this.json = json;
    }

    @GET
    @Path("/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A service's OpenAPI document, pointed at the gateway")
    @APIResponse(responseCode = "200", description = "The document (OpenAPI 3, JSON)")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "503", description = "The service is down or gave no document")
    public Uni<String> document(@PathParam("service") String service) {
        Upstream upstream = upstreams.find(service).orElseThrow(() -> ProblemException.notFound("service " + service));
        RequestOptions fetch = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.tls())
                .setURI("/q/openapi?format=json")
                .setIdleTimeout(FETCH_TIMEOUT_MILLIS).setConnectTimeout(FETCH_TIMEOUT_MILLIS);
        var body = upstream.client().request(fetch)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : io.vertx.core.Future.failedFuture("document answered " + response.statusCode()));
        return Uni.createFrom().completionStage(body.toCompletionStage())
                .map(buffer -> pointedAtGateway(buffer.toString()))
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
                    LOG.warnf("no API document from %s: %s", service, e.getMessage());
                    return unavailable(service);
                });
    }

    private String pointedAtGateway(String document) {
        try {
            ObjectNode root = (ObjectNode) json.readTree(document);
            // relative: the server is whatever host the console itself was loaded from, i.e. the gateway
            root.set("servers", json.valueToTree(List.of(Map.of("url", "/", "description", "the gateway"))));
            return json.writeValueAsString(root);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the service's API document is not a JSON object", e);
        }
    }

    private static ProblemException unavailable(String service) {
        return new ProblemException(Problem.of(503, "api-document-unavailable", "API document unavailable",
                "The " + service + " service is unavailable, so its API document cannot be shown. Try again later"));
    }
}
