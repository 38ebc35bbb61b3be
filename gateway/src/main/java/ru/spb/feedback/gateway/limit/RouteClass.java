package ru.spb.feedback.gateway.limit;

import io.vertx.core.http.HttpMethod;

/** What a request counts against: the classes of gateway.rate-limit.*. */
public enum RouteClass {
    /** GET and HEAD with a token, per subject. */
    READ("read"),
    /** Other methods with a token, per subject. */
    WRITE("write"),
    /** POST to the upload path with a token, per subject. */
    UPLOAD("upload"),
    /** Any request without a token, per client address. */
    ANONYMOUS("anonymous"),
    /** Every request, per client address. */
    PER_IP("per-ip");

    private final String configName;

    RouteClass(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The class of a request made with a token. */
    public static RouteClass ofAuthenticated(HttpMethod method, boolean upload) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return READ;
        }
        return upload && method == HttpMethod.POST ? UPLOAD : WRITE;
    }
}
