package ru.spb.feedback.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the request id in the logging context and echoes it in the response. */
public class RequestIdFilter {

    private static final String PROPERTY = RequestIdFilter.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = RequestIds.acceptOrCreate(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(RequestIds.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }

    static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? RequestIds.current() : id.toString();
    }
}
