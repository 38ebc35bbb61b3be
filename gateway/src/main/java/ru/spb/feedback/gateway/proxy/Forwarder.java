package ru.spb.feedback.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ru.spb.feedback.gateway.problem.ProblemResponses;
import ru.spb.feedback.gateway.limit.StreamSlots;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.RequestIds;
import ru.spb.feedback.web.StreamSubjects;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Passes a checked request to its upstream with vertx-http-proxy: bodies stream both ways unbuffered, hop-by-hop
 * headers are dropped. The answer's head must come within the upstream's timeout, counted from the end of the
 * request body (a slow upload is not the upstream's fault); live streams wait as long as they like, in a pool of
 * their own, and end when the token they were opened with expires. A request finds a free connection within the
 * pool's wait or is refused with 503: a full pool never makes a caller hang.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    /** What a refused caller is told to wait: a pooled connection is usually free again within a second. */
    private static final String BUSY_RETRY_AFTER_SECONDS = "1";

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final ProblemResponses problems;
    private final StreamSlots streamSlots;

    Forwarder(Vertx vertx, Upstreams upstreams, ProblemResponses problems, StreamSlots streamSlots) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.problems = problems;
        this.streamSlots = streamSlots;
    }

    /** An ordinary request; it must be paused (its body not yet read) when this is called. */
    public void forward(RoutingContext context, Upstream upstream, long maxBodyBytes) {
        pass(context, upstream, maxBodyBytes, false, Optional.empty(), true);
    }

    /**
     * A live stream, through the upstream's stream pool; it is cut off at {@code endsAt} if one is given, else when
     * the upstream's answer says ({@link StreamSubjects#ENDS_AT}).
     *
     * @param counted whether it already holds a slot of its citizen; if not, it takes one of the citizen the
     *                upstream's answer names ({@link StreamSubjects}), or is refused
     */
    public void forwardStream(RoutingContext context, Upstream upstream, long maxBodyBytes, Optional<Instant> endsAt,
                              boolean counted) {
        pass(context, upstream, maxBodyBytes, true, endsAt, counted);
    }

    private void pass(RoutingContext context, Upstream upstream, long maxBodyBytes, boolean stream, Optional<Instant> endsAt,
                      boolean counted) {
        HttpServerRequest request = context.request();
        if (!upstream.breaker().allowsRequest()) {
            upstreams.count(upstream, "circuit-open");
            problems.send(context, unavailable(upstream, "it failed repeatedly; the gateway retries it shortly"));
            return;
        }
        Exchange exchange = new Exchange(context, upstream, stream);
        if (request.version() == HttpVersion.HTTP_2 && !request.headers().contains(HttpHeaders.CONTENT_LENGTH) && !request.isEnded()) {
            // an HTTP/2 body of unknown length: the proxy streams it to the HTTP/1.1 upstream chunked only when
            // the incoming request says chunked, which HTTP/2 never does
            request.headers().set(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED);
        }
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        proxyRequest.putHeader(RequestIds.HEADER, request.getHeader(RequestIds.HEADER));
        proxyRequest.putHeader("X-Forwarded-For", forwardedFor(request));
        proxyRequest.putHeader("X-Forwarded-Proto", request.scheme());
        exchange.body = new BodyLimit(proxyRequest.getBody().stream(), maxBodyBytes, exchange::bodySent);
        proxyRequest.setBody(Body.body(exchange.body, proxyRequest.getBody().length()));

        // the connect timeout of a request is the wait for a pooled connection (a new one's connecting included)
        RequestOptions options = new RequestOptions().setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.tls())
                .setConnectTimeout(upstream.poolWait().toMillis());
        HttpClient client = stream ? upstream.streamClient() : upstream.client();
        client.request(options).onComplete(connected -> {
            if (connected.failed() && isPoolFull(connected.cause())) {
                // the gateway's pool is full, which says nothing about the upstream's health
                upstream.breaker().abandoned();
                upstreams.count(upstream, "busy");
                LOG.warnf("no free connection to upstream %s (%s pool): %s", upstream.name(), stream ? "stream" : "ordinary",
                        connected.cause().getMessage());
                context.response().putHeader("Retry-After", BUSY_RETRY_AFTER_SECONDS);
                problems.send(context, Problem.of(503, "upstream-busy", "Service busy",
                        "Too many requests to the " + upstream.name() + " service are under way. Try again in a moment"));
                return;
            }
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
                String subject = response.headers().get(StreamSubjects.HEADER);
                Optional<Instant> saidEnd = epochSeconds(response.headers().get(StreamSubjects.ENDS_AT));
                response.headers().remove(StreamSubjects.HEADER).remove(StreamSubjects.ENDS_AT);
                if (stream && !counted && subject != null && !exchange.takeSlot(subject)) {
                    response.release();
                    exchange.upstreamRequest.reset();
                    problems.send(context, streamSlots.refusal());
                    return;
                }
                if (stream) {
                    // the token the gateway checked if there was one, else what the service says of the ticket's
                    endsAt.or(() -> saidEnd).ifPresent(exchange::endAt);
                }
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

    private static Optional<Instant> epochSeconds(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    }

    private static boolean isPoolFull(Throwable cause) {
        return cause instanceof ConnectionPoolTooBusyException || cause instanceof TimeoutException;
    }

    private static Problem unavailable(Upstream upstream, String why) {
        return Problem.of(503, "upstream-unavailable", "Service unavailable",
                "The " + upstream.name() + " service is unavailable: " + why + ". Try again later");
    }

    /** One request on its way through: the timer on the upstream's answer and how it ended. */
    private final class Exchange {
        private final RoutingContext context;
        private final Upstream upstream;
        private final boolean stream;
        private BodyLimit body;
        private HttpClientRequest upstreamRequest;
        private long timer = -1;
        private boolean timedOut;

        Exchange(RoutingContext context, Upstream upstream, boolean stream) {
            this.context = context;
            this.upstream = upstream;
            this.stream = stream;
        }

        /**
         * Cuts the stream off when its token expires: whoever holds it must show a valid token again. Both ends are
         * reset, so the stream's pooled connection is not left to an upstream still writing.
         */
        void endAt(Instant endsAt) {
            long millis = Math.max(1, Duration.between(Instant.now(), endsAt).toMillis());
            HttpClientRequest pending = upstreamRequest;
            long expiry = vertx.setTimer(millis, id -> {
                upstreams.count(upstream, "stream-expired");
                pending.reset(0, new TimeoutException("the stream's token expired"));
                if (!context.response().closed()) {
                    context.response().reset();
                }
            });
            context.addEndHandler(ended -> vertx.cancelTimer(expiry));
        }

        /** One of the citizen's stream slots for this stream, held until it ends; false if none is left. */
        boolean takeSlot(String subject) {
            Optional<StreamSlots.Slot> slot = streamSlots.take(subject);
            slot.ifPresent(taken -> context.addEndHandler(ended -> taken.release()));
            return slot.isPresent();
        }

        /** The request body is all sent: from now on the upstream owes an answer within its timeout. */
        void bodySent() {
            if (stream || timer != -1 || upstreamRequest == null) {
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
                // reset or closed before (or while) answering: the service is going away or restarting, which a
                // caller may retry like a refused connection
                upstream.breaker().failed();
                upstreams.count(upstream, "failed");
                LOG.warnf("upstream %s failed: %s", upstream.name(), cause.toString());
                problems.send(context, unavailable(upstream, "it broke off the exchange"));
            }
        }
    }

    public static Problem tooLarge() {
        return Problem.of(413, "request-too-large", "Request too large",
                "The request body is larger than the gateway accepts");
    }
}
