package ru.spb.feedback.routing.territory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing's point lookup against labelled points: inside every municipality, on every island and
 * fort, next to and exactly on shared borders, in districts but outside municipalities, and
 * outside the city (see LabelledPointsGenerator for how they were labelled).
 */
@QuarkusTest
class LabelledPointsTest {

    @Inject
    Territory territory;

    private record Labelled(double lat, double lon, String expected, String kind) {
    }

    @Test
    void resolvesEveryLabelledPoint() throws IOException {
        List<Labelled> points = read("territory/labelled-points.csv");
        assertThat(points).hasSizeGreaterThanOrEqualTo(300);
        assertThat(points.stream().map(Labelled::kind).distinct())
                .contains("interior", "island", "border", "on-border", "gap", "outside");
        assertThat(points.stream().filter(p -> p.kind().equals("interior")).map(Labelled::expected).distinct()).hasSize(111);

        List<String> wrong = new ArrayList<>();
        for (Labelled point : points) {
            String actual = resolve(point.lat(), point.lon());
            if (!actual.equals(point.expected())) {
                wrong.add(point + " -> " + actual);
            }
        }
        System.out.printf("labelled points: %d of %d resolved as labelled%n", points.size() - wrong.size(), points.size());
        assertThat(wrong).isEmpty();
    }

    @Test
    void agreesWithTheIndependent2013PointsForNearlyEveryMunicipality() throws IOException {
        // point-on-surface of each municipality's 2013 GIS-Lab polygon (spb-municipalities.csv): an
        // independent source; boundaries moved a little since (land reclamation, new okrugs)
        int compared = 0;
        List<String> differing = new ArrayList<>();
        try (BufferedReader reader = reader("territory/spb-municipalities.csv")) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split(",", -1);
                if (columns[7].isBlank()) {
                    continue;
                }
                compared++;
                String actual = resolve(Double.parseDouble(columns[8]), Double.parseDouble(columns[7]));
                if (!actual.equals(columns[4])) {
                    differing.add(columns[1] + " (" + columns[4] + ") -> " + actual);
                }
            }
        }
        System.out.printf("2013 points: %d of %d in the same municipality; differing: %s%n", compared - differing.size(), compared, differing);
        assertThat(compared).isEqualTo(106);
        assertThat(differing.size()).isLessThanOrEqualTo(3);
    }

    private String resolve(double lat, double lon) {
        Territory.Location location = territory.locate(lat, lon);
        if (location.municipality().isPresent()) {
            return location.municipality().get().code;
        }
        return location.district().map(d -> "OUTSIDE_MUNICIPALITY:" + d.code).orElse("OUTSIDE_CITY");
    }

    private static List<Labelled> read(String resource) throws IOException {
        List<Labelled> points = new ArrayList<>();
        try (BufferedReader reader = reader(resource)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("lat,")) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                points.add(new Labelled(Double.parseDouble(columns[0]), Double.parseDouble(columns[1]), columns[2], columns[3]));
            }
        }
        return points;
    }

    private static BufferedReader reader(String resource) {
        InputStream in = LabelledPointsTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
