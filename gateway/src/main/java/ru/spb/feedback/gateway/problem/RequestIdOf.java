package ru.spb.feedback.gateway.problem;

import io.vertx.ext.web.RoutingContext;
import ru.spb.feedback.web.RequestIds;

/**
 * The request id the edge filter settled for a request, kept on its routing context. Here, below
 * both the edge and the proxy, because the problem answers of both carry it.
 */
public final class RequestIdOf {

    private static final String KEY = "gateway.request-id";

    private RequestIdOf() {
    }

    /** Keeps the request's id for the answers made later. */
    public static void keep(RoutingContext context, String id) {
        context.put(KEY, id);
    }

    /** The id kept for the request, or a new one if none was (the edge filter did not run). */
    public static String of(RoutingContext context) {
        String id = context.get(KEY);
        return id != null ? id : RequestIds.acceptOrCreate(null);
    }
}
