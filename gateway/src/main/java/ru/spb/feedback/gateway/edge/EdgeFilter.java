package ru.spb.feedback.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;
import ru.spb.feedback.gateway.problem.RequestIdOf;
import ru.spb.feedback.gateway.webapp.PagePolicy;
import ru.spb.feedback.web.RequestIds;

/**
 * First on every request, the gateway's own included: settles the request id (passed through if well-formed,
 * else new), hands it to the upstream and the log, and puts it and the security headers on every answer.
 */
@ApplicationScoped
public class EdgeFilter {

    /** Runs before Quarkus' own filters (CORS among them), so their answers carry the headers too. */
    static final int ORDER = -10_000;

    private final PagePolicy pages;

    EdgeFilter(PagePolicy pages) {
        this.pages = pages;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        RequestIdOf.keep(context, id);
        // the upstream reads it from here, and so does web-commons' RequestIdFilter for the gateway's own endpoints
        context.request().headers().set(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        String path = context.request().path();
        boolean api = path.startsWith("/api/") || path.startsWith("/open311");
        // the console (/q/swagger-ui) brings inline scripts of its own; everything else is the web app's
        boolean page = !api && !path.startsWith("/q/");
        context.response().headersEndHandler(ignored -> {
            var headers = context.response().headers();
            headers.set(RequestIds.HEADER, id);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            if (api) {
                // JSON and event streams only: nothing in an API answer may run as a page (Swagger UI needs scripts)
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            } else if (page) {
                headers.set("Content-Security-Policy", pages.header());
            }
        });
        context.next();
    }
}
