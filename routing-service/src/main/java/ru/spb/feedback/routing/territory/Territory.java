package ru.spb.feedback.routing.territory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.TransientFailures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The city's territory as routing sees it: which municipality and district a point lies in. The
 * boundaries come from the active boundary sets in the database (seeded from the bundled
 * OpenStreetMap files on first start); an admin may replace a set, and every copy picks the new
 * one up within {@code routing.refresh-interval}.
 */
@ApplicationScoped
public class Territory {

    private static final Logger LOG = Logger.getLogger(Territory.class);
    static final Map<BoundarySet.Kind, String> BUNDLED = Map.of(
            BoundarySet.Kind.MUNICIPALITIES, "territory/spb-municipalities-current.geojson",
            BoundarySet.Kind.DISTRICTS, "territory/spb-districts.geojson");

    /**
     * Where a point is.
     *
     * @param municipality the municipality covering it, if any
     * @param district     the district covering it, if any (also when no municipality does)
     */
    public record Location(Optional<Municipality> municipality, Optional<District> district) {
    }

    /**
     * What an accepted boundary set contains.
     *
     * @param missing codes of known areas the set draws no polygon for; points there go to triage
     */
    public record Summary(long id, BoundarySet.Kind kind, int featureCount, String source, Instant uploadedAt,
                          Set<String> missing) {
    }

    /** The index and what describes the sets it was built from (kept so a public GET parses nothing). */
    record Loaded(TerritoryIndex index, long municipalitiesSet, long districtsSet, List<Summary> summaries) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    ClusterLock clusterLock;

    /** How long a lookup waits for the first index (startup builds it in a few seconds). */
    static final Duration FIRST_INDEX_WAIT = Duration.ofSeconds(60);

    private volatile Loaded loaded;
    /**
     * Open once the first index is in place. The Kafka consumer starts with the application, so a
     * restarted copy may be handed an appeal before startup has built the index: it waits here
     * rather than failing the record.
     */
    private final CountDownLatch firstIndex = new CountDownLatch(1);

    void start(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(this::seedBundledSets);
        reload();
    }

    public Location locate(double lat, double lon) {
        TerritoryIndex index = loaded().index();
        Optional<Municipality> municipality = index.municipalityAt(lat, lon).map(code -> Municipality.findById(code));
        Optional<District> district = municipality.isPresent()
                ? Optional.ofNullable(District.findById(municipality.get().districtCode))
                : index.districtAt(lat, lon).map(code -> District.findById(code));
        return new Location(municipality, district);
    }

    /** Summaries of the active sets. */
    public List<Summary> active() {
        return loaded().summaries();
    }

    /** The active set of a kind, as stored. */
    public String activeGeoJson(BoundarySet.Kind kind) {
        BoundarySet set = BoundarySet.find("kind = ?1 and active = true", kind).firstResult();
        if (set == null) {
            throw ProblemException.notFound("Boundary set " + kind);
        }
        return set.geojson;
    }

    /**
     * Replaces the active set of a kind, as a whole or not at all: every feature must be a valid
     * polygon of a known area, each area at most once. The set in force stays if anything is wrong.
     * Call {@link #reload()} after the transaction commits to use it in this copy at once.
     */
    @Transactional
    public Summary replace(BoundarySet.Kind kind, String geojson, String adminId) {
        JsonNode collection;
        try {
            collection = json.readTree(geojson);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "The boundary set is not valid JSON"));
        }
        GeoJsonBoundaries.Reading reading = read(kind, collection);
        List<Problem.Violation> violations = new ArrayList<>(reading.violations());
        Set<String> seen = new HashSet<>();
        for (TerritoryIndex.Area area : reading.areas()) {
            if (!seen.add(area.code())) {
                violations.add(new Problem.Violation("features", "area " + area.code() + " is drawn by more than one feature"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        clusterLock.lockForTransaction("boundary-replace");
        BoundarySet.update("active = false where kind = ?1 and active = true", kind);
        BoundarySet set = store(kind, geojson, reading.areas().size(), "upload", adminId);
        Summary summary = summary(set, missing(kind, seen));
        LOG.infof("boundary set %s #%d accepted: %d features", kind, set.id, set.featureCount);
        return summary;
    }

    /** Rebuilds the index if another copy (or this one) stored a new active set. */
    @Scheduled(every = "${routing.refresh-interval:PT10S}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Loaded current = loaded;
        long[] ids = QuarkusTransaction.requiringNew().call(() -> new long[] {
                activeId(BoundarySet.Kind.MUNICIPALITIES), activeId(BoundarySet.Kind.DISTRICTS)});
        if (current == null || ids[0] != current.municipalitiesSet() || ids[1] != current.districtsSet()) {
            reload();
        }
    }

    /** Builds the index from the active sets. */
    public synchronized void reload() {
        install(QuarkusTransaction.requiringNew().call(() -> {
            BoundarySet municipalities = BoundarySet.find("kind = ?1 and active = true", BoundarySet.Kind.MUNICIPALITIES).firstResult();
            BoundarySet districts = BoundarySet.find("kind = ?1 and active = true", BoundarySet.Kind.DISTRICTS).firstResult();
            List<TerritoryIndex.Area> municipalityAreas = areas(municipalities);
            List<TerritoryIndex.Area> districtAreas = areas(districts);
            TerritoryIndex index = TerritoryIndex.of(municipalityAreas, districtAreas);
            LOG.infof("territory index: %d municipality areas (set #%d), %d district areas (set #%d)",
                    index.municipalityCount(), municipalities.id, index.districtCount(), districts.id);
            return new Loaded(index, municipalities.id, districts.id, List.of(
                    summary(municipalities, missing(municipalities.kind, codes(municipalityAreas))),
                    summary(districts, missing(districts.kind, codes(districtAreas)))));
        }));
    }

    void install(Loaded index) {
        loaded = index;
        firstIndex.countDown();
    }

    private Loaded loaded() {
        try {
            if (!firstIndex.await(FIRST_INDEX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                // a failure that passes: the consumer retries the record, a request gets a 503
                throw new TransientFailures.RetryLater("the territory index is not built yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the territory index", e);
        }
        return loaded;
    }

    private void seedBundledSets() {
        clusterLock.lockForTransaction("boundary-seed");
        for (Map.Entry<BoundarySet.Kind, String> bundled : BUNDLED.entrySet()) {
            if (BoundarySet.count("kind = ?1 and active = true", bundled.getKey()) == 0) {
                String geojson = resource(bundled.getValue());
                GeoJsonBoundaries.Reading reading = read(bundled.getKey(), parse(geojson));
                if (!reading.valid()) {
                    throw new IllegalStateException("bundled " + bundled.getValue() + " is invalid: " + reading.violations());
                }
                store(bundled.getKey(), geojson, reading.areas().size(), "bundled " + bundled.getValue(), null);
            }
        }
    }

    private List<TerritoryIndex.Area> areas(BoundarySet set) {
        GeoJsonBoundaries.Reading reading = read(set.kind, parse(set.geojson));
        if (!reading.valid()) {
            throw new IllegalStateException("stored boundary set #" + set.id + " is invalid: " + reading.violations());
        }
        return reading.areas();
    }

    private GeoJsonBoundaries.Reading read(BoundarySet.Kind kind, JsonNode collection) {
        if (kind == BoundarySet.Kind.MUNICIPALITIES) {
            Set<String> known = Municipality.<Municipality>listAll().stream().map(m -> m.code).collect(Collectors.toSet());
            Function<JsonNode, String> codeOf = properties -> {
                String code = text(properties, "osm_relation_id", "code");
                return code != null && known.contains(code) ? code : null;
            };
            return GeoJsonBoundaries.read(collection, codeOf, "municipality (properties.osm_relation_id or code)");
        }
        Map<String, String> byName = new HashMap<>();
        District.<District>listAll().forEach(district -> {
            byName.put(district.code, district.code);
            byName.put(district.name, district.code);
        });
        Function<JsonNode, String> codeOf = properties -> {
            String key = text(properties, "code", "district");
            return key == null ? null : byName.get(key);
        };
        return GeoJsonBoundaries.read(collection, codeOf, "district (properties.code or district)");
    }

    private static Set<String> codes(List<TerritoryIndex.Area> areas) {
        return areas.stream().map(TerritoryIndex.Area::code).collect(Collectors.toSet());
    }

    private static Set<String> missing(BoundarySet.Kind kind, Set<String> drawn) {
        List<String> all = kind == BoundarySet.Kind.MUNICIPALITIES
                ? Municipality.<Municipality>listAll().stream().map(m -> m.code).toList()
                : District.<District>listAll().stream().map(d -> d.code).toList();
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(drawn);
        return missing;
    }

    private static BoundarySet store(BoundarySet.Kind kind, String geojson, int features, String source, String adminId) {
        BoundarySet set = new BoundarySet();
        set.kind = kind;
        set.geojson = geojson;
        set.featureCount = features;
        set.source = source;
        set.uploadedAt = Instant.now();
        set.uploadedBy = adminId;
        set.active = true;
        set.persist();
        return set;
    }

    private static Summary summary(BoundarySet set, Set<String> missing) {
        return new Summary(set.id, set.kind, set.featureCount, set.source, set.uploadedAt, missing);
    }

    private static long activeId(BoundarySet.Kind kind) {
        BoundarySet set = BoundarySet.find("kind = ?1 and active = true", kind).firstResult();
        return set == null ? -1 : set.id;
    }

    private JsonNode parse(String geojson) {
        try {
            return json.readTree(geojson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored boundary set is not JSON", e);
        }
    }

    private static String text(JsonNode properties, String... names) {
        for (String name : names) {
            JsonNode value = properties.path(name);
            if (value.isTextual() || value.isNumber()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
