package ru.spb.feedback.web;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that ties a client's call to every log line and event it causes. The gateway
 * sets {@code X-Request-Id}; a service called directly makes its own.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key; the log format prints it as {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";

    /** Accept only ids that are safe to log and to put in a header. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The incoming id if it is well-formed, else a fresh one. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being handled on this thread, or null outside a request. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }
}
