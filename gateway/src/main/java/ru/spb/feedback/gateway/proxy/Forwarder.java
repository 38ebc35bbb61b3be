package ru.spb.feedback.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.spb.feedback.gateway.edge.ProblemResponses;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.RequestIds;

import java.util.concurrent.TimeoutException;

/**
 * Passes a checked request to its upstream with vertx-http-proxy: bodies stream both ways unbuffered, hop-by-hop
 * headers are dropped. The answer's head must come within the upstream's timeout, counted from the end of the
 * request body (a slow upload is not the upstream's fault); event streams wait as long as they like.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final ProblemResponses problems;

    Forwarder(Vertx vertx, Upstreams upstreams, ProblemResponses problems) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.problems = problems;
    }

    /** The request must be paused (its body not yet read) when this is called. */
    public void forward(RoutingContext context, Upstream upstream, long maxBodyBytes) {
        HttpServerRequest request = context.request();
        if (!upstream.breaker().allowsRequest()) {
            upstreams.count(upstream, "circuit-open");
            problems.send(context, unavailable(upstream, "it failed repeatedly; the gateway retries it shortly"));
            return;
        }
        Exchange exchange = new Exchange(context, upstream);
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        proxyRequest.putHeader(RequestIds.HEADER, request.getHeader(RequestIds.HEADER));
        proxyRequest.putHeader("X-Forwarded-For", forwardedFor(request));
        proxyRequest.putHeader("X-Forwarded-Proto", request.scheme());
        exchange.body = new BodyLimit(proxyRequest.getBody().stream(), maxBodyBytes, exchange::bodySent);
        proxyRequest.setBody(Body.body(exchange.body, proxyRequest.getBody().length()));

        RequestOptions options = new RequestOptions().setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.tls());
        upstream.client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                upstream.breaker().failed();
                upstreams.count(upstream, "refused");
                LOG.warnf("upstream %s unreachable: %s", upstream.name(), connected.cause().getMessage());
                problems.send(context, unavailable(upstream, "it cannot be reached"));
                return;
            }
            exchange.upstreamRequest = connected.result();
            if (request.isEnded()) {
                exchange.bodySent();
            }
            proxyRequest.send(exchange.upstreamRequest).onComplete(answered -> {
                exchange.cancelTimer();
                if (answered.failed()) {
                    exchange.failed(answered.cause());
                    return;
                }
                upstream.breaker().succeeded();
                upstreams.count(upstream, "ok");
                ProxyResponse response = answered.result();
                response.putHeader(RequestIds.HEADER, request.getHeader(RequestIds.HEADER));
                response.send().onFailure(e -> LOG.debugf("answer of %s not fully passed on: %s", upstream.name(), e.toString()));
            });
        });
    }

    private static String forwardedFor(HttpServerRequest request) {
        String previous = request.getHeader("X-Forwarded-For");
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        return previous == null || previous.isBlank() ? client : previous + ", " + client;
    }

    private static Problem unavailable(Upstream upstream, String why) {
        return Problem.of(503, "upstream-unavailable", "Service unavailable",
                "The " + upstream.name() + " service is unavailable: " + why + ". Try again later");
    }

    /** One request on its way through: the timer on the upstream's answer and how it ended. */
    private final class Exchange {
        private final RoutingContext context;
        private final Upstream upstream;
        private final boolean eventStream;
        private BodyLimit body;
        private HttpClientRequest upstreamRequest;
        private long timer = -1;
        private boolean timedOut;

        Exchange(RoutingContext context, Upstream upstream) {
            this.context = context;
            this.upstream = upstream;
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            this.eventStream = accept != null && accept.contains("text/event-stream");
        }

        /** The request body is all sent: from now on the upstream owes an answer within its timeout. */
        void bodySent() {
            if (eventStream || timer != -1 || upstreamRequest == null) {
                return;
            }
            HttpClientRequest pending = upstreamRequest;
            timer = vertx.setTimer(upstream.timeout().toMillis(), id -> {
                timedOut = true;
                pending.reset(0, new TimeoutException("no answer within " + upstream.timeout()));
            });
        }

        void cancelTimer() {
            if (timer != -1) {
                vertx.cancelTimer(timer);
            }
        }

        void failed(Throwable cause) {
            if (body.exceeded()) {
                upstream.breaker().abandoned();
                upstreams.count(upstream, "too-large");
                problems.send(context, tooLarge(), true);
            } else if (timedOut) {
                upstream.breaker().failed();
                upstreams.count(upstream, "timeout");
                LOG.warnf("upstream %s gave no answer within %s", upstream.name(), upstream.timeout());
                problems.send(context, Problem.of(504, "upstream-timeout", "Gateway timeout",
                        "The " + upstream.name() + " service did not answer in time. Try again later"));
            } else if (context.response().closed()) {
                upstream.breaker().abandoned();
                upstreams.count(upstream, "client-left");
            } else {
                upstream.breaker().failed();
                upstreams.count(upstream, "failed");
                LOG.warnf("upstream %s failed: %s", upstream.name(), cause.toString());
                problems.send(context, Problem.of(502, "upstream-failed", "Bad gateway",
                        "The " + upstream.name() + " service broke off the exchange. Try again later"));
            }
        }
    }

    public static Problem tooLarge() {
        return Problem.of(413, "request-too-large", "Request too large",
                "The request body is larger than the gateway accepts");
    }
}
