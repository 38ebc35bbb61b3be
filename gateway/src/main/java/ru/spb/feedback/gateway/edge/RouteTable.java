package ru.spb.feedback.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.gateway.config.GatewayConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which upstream owns a path: the longest configured prefix wins. */
@ApplicationScoped
public class RouteTable {

    private final List<Entry> entries = new ArrayList<>();

    RouteTable(GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> upstream.prefixes()
                .forEach(prefix -> entries.add(new Entry(new PathPrefix(prefix), name))));
        entries.sort(Comparator.comparingInt((Entry entry) -> entry.prefix().value().length()).reversed());
    }

    /** The name of the upstream that owns the path, if any does. */
    public Optional<String> upstreamOf(String path) {
        return entries.stream().filter(entry -> entry.prefix().matches(path)).map(Entry::upstream).findFirst();
    }

    private record Entry(PathPrefix prefix, String upstream) {
    }
}
