package ru.spb.feedback.routing.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Point → municipality lookups on one core, over the bundled 111 boundaries: random points in
 * St. Petersburg's bounding box (inside municipalities, in the gulf, outside the city), the mix
 * routing sees. Prints the median of the measurement iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Threads(1)
public class TerritoryLookupBenchmark {

    private static final int POINTS = 16_384;

    private TerritoryIndex index;
    private double[] lats;
    private double[] lons;
    private double[] insideLats;
    private double[] insideLons;
    private int next;

    @Setup
    public void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<TerritoryIndex.Area> municipalities = areas(json, "territory/spb-municipalities-current.geojson", "osm_relation_id");
        List<TerritoryIndex.Area> districts = areas(json, "territory/spb-districts.geojson", "district");
        index = TerritoryIndex.of(municipalities, districts);
        SplittableRandom random = new SplittableRandom(2026);
        lats = new double[POINTS];
        lons = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            lats[i] = 59.63 + random.nextDouble() * (60.25 - 59.63);
            lons[i] = 29.42 + random.nextDouble() * (30.76 - 29.42);
        }
        // the harder case: every point inside some municipality, so a polygon test always runs
        insideLats = new double[POINTS];
        insideLons = new double[POINTS];
        for (int found = 0; found < POINTS; ) {
            double lat = 59.63 + random.nextDouble() * (60.25 - 59.63);
            double lon = 29.42 + random.nextDouble() * (30.76 - 29.42);
            if (index.municipalityAt(lat, lon).isPresent()) {
                insideLats[found] = lat;
                insideLons[found++] = lon;
            }
        }
    }

    /** Random points of the bounding box: in municipalities, in the gulf, outside the city. */
    @Benchmark
    public Optional<String> anyPointOfTheBoundingBox() {
        int i = next++ & (POINTS - 1);
        return index.municipalityAt(lats[i], lons[i]);
    }

    /** Random points that all lie in a municipality. */
    @Benchmark
    public Optional<String> pointsInsideMunicipalities() {
        int i = next++ & (POINTS - 1);
        return index.municipalityAt(insideLats[i], insideLons[i]);
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TerritoryLookupBenchmark.class.getSimpleName())
                .build()).run();
        for (RunResult result : results) {
            double[] scores = result.getBenchmarkResults().stream()
                    .flatMap(benchmark -> benchmark.getIterationResults().stream())
                    .mapToDouble(iteration -> iteration.getPrimaryResult().getScore())
                    .sorted().toArray();
            double median = scores.length % 2 == 1 ? scores[scores.length / 2]
                    : (scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2;
            System.out.printf("%n%s: median %.0f lookups/s on one thread over %d iterations (min %.0f, max %.0f)%n",
                    result.getParams().getBenchmark(), median, scores.length, scores[0], scores[scores.length - 1]);
        }
    }

    private static List<TerritoryIndex.Area> areas(ObjectMapper json, String resource, String codeProperty) throws IOException {
        try (InputStream in = TerritoryLookupBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode collection = json.readTree(in);
            List<TerritoryIndex.Area> areas = new ArrayList<>();
            for (JsonNode feature : collection.path("features")) {
                areas.add(new TerritoryIndex.Area(feature.path("properties").path(codeProperty).asText(),
                        GeoJsonBoundaries.geometry(feature.path("geometry"))));
            }
            return areas;
        }
    }
}
