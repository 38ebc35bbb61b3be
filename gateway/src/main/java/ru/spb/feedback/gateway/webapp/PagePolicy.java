package ru.spb.feedback.gateway.webapp;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Optional;

/**
 * The Content-Security-Policy of the web app's pages: scripts and styles only from the gateway itself (no inline
 * code anywhere in the app), images also from the tile server, connections also to the identity provider.
 */
@ApplicationScoped
public class PagePolicy {

    private final String header;

    PagePolicy(WebAppConfig config) {
        String tiles = origin(config.tiles().url()).map(origin -> " " + origin).orElse("");
        String identity = config.oidc().authority().flatMap(PagePolicy::origin).map(origin -> " " + origin).orElse("");
        this.header = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + tiles
                + "; connect-src 'self'" + identity + "; form-action 'self'" + identity
                + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    public String header() {
        return header;
    }

    /** Scheme, host and port of a URL template such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}. */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.replaceAll("\\{[a-z]+}", "0"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
