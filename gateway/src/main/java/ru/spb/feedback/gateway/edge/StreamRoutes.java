package ru.spb.feedback.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.gateway.config.GatewayConfig;

import java.util.List;

/**
 * The paths of live streams ({@code gateway.streams.prefixes}). Known by path, not by the Accept header: a client
 * must not move an ordinary request into the stream pool, or out of its answer timeout, by what it accepts.
 */
@ApplicationScoped
public class StreamRoutes {

    private final List<PathPrefix> prefixes;

    StreamRoutes(GatewayConfig config) {
        prefixes = config.streams().prefixes().stream().map(PathPrefix::new).toList();
    }

    public boolean isStream(String path) {
        return prefixes.stream().anyMatch(prefix -> prefix.matches(path));
    }
}
