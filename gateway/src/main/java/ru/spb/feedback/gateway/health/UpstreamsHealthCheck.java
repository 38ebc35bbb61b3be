package ru.spb.feedback.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import ru.spb.feedback.gateway.proxy.Upstream;
import ru.spb.feedback.gateway.proxy.Upstreams;

import java.util.List;

/**
 * The services behind the gateway, each asked for its own readiness. In the {@code upstreams} group only: the
 * gateway stays ready while a service is down (it answers 503 for that service's paths and serves the rest).
 */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MILLIS = 2_000;

    private final Upstreams upstreams;

    UpstreamsHealthCheck(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Probe>> probes = upstreams.all().stream().map(this::probe).toList();
        return Uni.join().all(probes).andFailFast().map(results -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
            for (Probe probe : results) {
                response.withData(probe.name(), probe.state());
                response.withData(probe.name() + ".circuit", probe.circuit());
                if (!probe.up()) {
                    response.down();
                }
            }
            return response.build();
        });
    }

    private Uni<Probe> probe(Upstream upstream) {
        RequestOptions ready = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.tls())
                .setURI("/q/health/ready").setIdleTimeout(PROBE_TIMEOUT_MILLIS).setConnectTimeout(PROBE_TIMEOUT_MILLIS);
        Future<Integer> status = upstream.client().request(ready)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response))
                .map(HttpClientResponse::statusCode);
        String circuit = upstream.breaker().state().name();
        return Uni.createFrom().completionStage(status.toCompletionStage())
                .map(code -> code == 200
                        ? new Probe(upstream.name(), true, "UP", circuit)
                        : new Probe(upstream.name(), false, "DOWN (readiness answered " + code + ")", circuit))
                .onFailure().recoverWithItem(e -> new Probe(upstream.name(), false, "DOWN (unreachable)", circuit));
    }

    private record Probe(String name, boolean up, String state, String circuit) {
    }
}
