package ru.spb.feedback.routing.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code src/test/resources/territory/labelled-points.csv}, the labelled set that
 * {@code LabelledPointsTest} checks routing's lookups against. Run once when the bundled
 * boundaries change (see that file's header); it is not part of the build.
 *
 * <p>Labels come from the bundled polygons by construction, computed with plain JTS
 * {@code Geometry.contains} — not with the R-tree, prepared geometries and border rule the service
 * uses: interior points of every municipality and of every part of a multi-part one (islands,
 * forts), points 25 m to either side of the midpoint of every shared border, shared border
 * vertices (which belong to the smaller code by the service's rule), points of district polygons
 * that no municipality covers, and places outside the city.
 */
public final class LabelledPointsGenerator {

    private static final double OFFSET_METRES = 25;

    private record Area(String code, Geometry geometry) {
    }

    private record Labelled(double lat, double lon, String expected, String kind, String note) {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Area> municipalities = read(json, "territory/spb-municipalities-current.geojson", "osm_relation_id", Map.of());
        Map<String, String> districtCodes = districtCodes();
        List<Area> districts = read(json, "territory/spb-districts.geojson", "district", districtCodes);
        List<Labelled> points = new ArrayList<>();

        for (Area area : municipalities) {
            Coordinate inside = InteriorPointArea.getInteriorPoint(area.geometry());
            points.add(new Labelled(inside.y, inside.x, area.code(), "interior", "interior point"));
            if (area.geometry().getNumGeometries() > 1) {
                for (int i = 0; i < area.geometry().getNumGeometries(); i++) {
                    Geometry part = area.geometry().getGeometryN(i);
                    Coordinate island = InteriorPointArea.getInteriorPoint(part);
                    points.add(new Labelled(island.y, island.x, area.code(), "island", "part " + (i + 1) + " of " + area.geometry().getNumGeometries()));
                }
            }
        }

        int vertices = 0;
        for (int i = 0; i < municipalities.size(); i++) {
            for (int j = i + 1; j < municipalities.size(); j++) {
                Area a = municipalities.get(i);
                Area b = municipalities.get(j);
                if (!a.geometry().getEnvelopeInternal().intersects(b.geometry().getEnvelopeInternal())) {
                    continue;
                }
                Geometry shared = a.geometry().getBoundary().intersection(b.geometry().getBoundary());
                LineString longest = longestLine(shared);
                if (longest == null || longest.isEmpty() || longest.getLength() < metresToDegrees(4 * OFFSET_METRES)) {
                    continue;
                }
                Coordinate[] c = longest.getCoordinates();
                int k = c.length / 2;
                Coordinate p = c[Math.max(0, k - 1)];
                Coordinate q = c[Math.min(c.length - 1, k)];
                Coordinate mid = new Coordinate((p.x + q.x) / 2, (p.y + q.y) / 2);
                double dx = (q.x - p.x) * Math.cos(Math.toRadians(mid.y));
                double dy = q.y - p.y;
                double length = Math.hypot(dx, dy);
                if (length == 0) {
                    continue;
                }
                double offset = metresToDegrees(OFFSET_METRES);
                for (int side : new int[] {1, -1}) {
                    double lon = mid.x + side * (-dy / length) * offset / Math.cos(Math.toRadians(mid.y));
                    double lat = mid.y + side * (dx / length) * offset;
                    Point point = TerritoryIndex.GEOMETRY.createPoint(new Coordinate(lon, lat));
                    boolean inA = a.geometry().contains(point);
                    boolean inB = b.geometry().contains(point);
                    if (inA != inB) {
                        points.add(new Labelled(lat, lon, inA ? a.code() : b.code(), "border",
                                "25 m from the border of " + a.code() + " and " + b.code()));
                    }
                }
                if (vertices < 40) {
                    Coordinate vertex = c[k];
                    Point point = TerritoryIndex.GEOMETRY.createPoint(vertex);
                    if (a.geometry().covers(point) && b.geometry().covers(point)) {
                        // where three municipalities meet, the smallest code of all three wins
                        String smaller = municipalities.stream().filter(area -> area.geometry().covers(point))
                                .map(Area::code).min(TerritoryIndex.CODE_ORDER).orElseThrow();
                        points.add(new Labelled(vertex.y, vertex.x, smaller, "on-border", "vertex shared by " + a.code() + " and " + b.code()));
                        vertices++;
                    }
                }
            }
        }

        Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(
                municipalities.stream().map(Area::geometry).toList());
        List<Labelled> gaps = new ArrayList<>();
        for (Area district : districts) {
            Geometry uncovered = district.geometry().difference(union);
            for (int i = 0; i < uncovered.getNumGeometries(); i++) {
                Geometry gap = uncovered.getGeometryN(i);
                // at least about 150 m x 150 m, so the label does not hinge on the last digits of a vertex
                if (gap.getArea() < Math.pow(metresToDegrees(150), 2) * 2) {
                    continue;
                }
                Coordinate inside = InteriorPointArea.getInteriorPoint(gap);
                Point point = TerritoryIndex.GEOMETRY.createPoint(inside);
                if (!union.covers(point) && district.geometry().contains(point)) {
                    gaps.add(new Labelled(inside.y, inside.x, "OUTSIDE_MUNICIPALITY:" + district.code(), "gap",
                            "in the district but in no municipality"));
                }
            }
        }
        points.addAll(gaps.stream().limit(40).toList());

        int grid = 0;
        for (double lat = 59.61; lat < 60.26; lat += 0.0371) {
            for (double lon = 29.41; lon < 30.77; lon += 0.0593) {
                Point point = TerritoryIndex.GEOMETRY.createPoint(new Coordinate(lon, lat));
                boolean inCity = union.covers(point) || districts.stream().anyMatch(area -> area.geometry().covers(point));
                if (!inCity && grid++ % 9 == 0) {
                    points.add(new Labelled(lat, lon, "OUTSIDE_CITY", "outside", "in the bounding box but outside the city"));
                }
            }
        }
        Map<String, double[]> places = new LinkedHashMap<>();
        places.put("Moscow", new double[] {55.7558, 37.6173});
        places.put("Helsinki", new double[] {60.1699, 24.9384});
        places.put("Vyborg", new double[] {60.7096, 28.7490});
        places.put("Gatchina", new double[] {59.5653, 30.1281});
        places.put("Sosnovy Bor", new double[] {59.8983, 29.0867});
        places.put("Kirovsk", new double[] {59.8755, 30.9946});
        places.put("Tosno", new double[] {59.5403, 30.8776});
        places.put("Vsevolozhsk", new double[] {60.0204, 30.6370});
        places.put("Ladoga lake", new double[] {60.5, 31.5});
        places.put("Gulf of Finland, west of Kotlin", new double[] {60.05, 29.2});
        for (Map.Entry<String, double[]> place : places.entrySet()) {
            Point point = TerritoryIndex.GEOMETRY.createPoint(new Coordinate(place.getValue()[1], place.getValue()[0]));
            boolean anywhere = municipalities.stream().anyMatch(area -> area.geometry().covers(point))
                    || districts.stream().anyMatch(area -> area.geometry().covers(point));
            if (!anywhere) {
                points.add(new Labelled(place.getValue()[0], place.getValue()[1], "OUTSIDE_CITY", "outside", place.getKey()));
            }
        }

        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/territory/labelled-points.csv");
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.println("# Labelled points for routing's point -> municipality lookup; written by LabelledPointsGenerator");
            writer.println("# from the bundled boundaries (see its javadoc). expected: municipality code (OSM relation id),");
            writer.println("# OUTSIDE_MUNICIPALITY:<district code>, or OUTSIDE_CITY.");
            writer.println("lat,lon,expected,kind,note");
            for (Labelled point : points) {
                // full precision: a border vertex rounded to 7 decimals may land inside one of the two areas
                writer.printf(Locale.ROOT, "%s,%s,%s,%s,%s%n", point.lat(), point.lon(), point.expected(), point.kind(), point.note());
            }
        }
        Map<String, Long> byKind = new java.util.TreeMap<>();
        points.forEach(point -> byKind.merge(point.kind(), 1L, Long::sum));
        System.out.println(points.size() + " points " + byKind + " -> " + out);
    }

    private static List<Area> read(ObjectMapper json, String resource, String codeProperty, Map<String, String> codes) throws IOException {
        try (InputStream in = LabelledPointsGenerator.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode collection = json.readTree(in);
            List<Area> areas = new ArrayList<>();
            for (JsonNode feature : collection.path("features")) {
                String code = feature.path("properties").path(codeProperty).asText();
                areas.add(new Area(codes.getOrDefault(code, code), GeoJsonBoundaries.geometry(feature.path("geometry"))));
            }
            areas.sort(Comparator.comparing(Area::code));
            return areas;
        }
    }

    /** District names to codes, as the V2 migration seeds them. */
    private static Map<String, String> districtCodes() throws IOException {
        Map<String, String> codes = new LinkedHashMap<>();
        try (InputStream in = LabelledPointsGenerator.class.getClassLoader().getResourceAsStream("db/migration/V2__territory_seed.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\('([a-z]+)', '([^']+)', '[^']+ район'").matcher(sql);
            while (row.find()) {
                codes.put(row.group(2), row.group(1));
            }
        }
        return codes;
    }

    private static LineString longestLine(Geometry geometry) {
        LineString longest = null;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof LineString line && !line.isEmpty() && (longest == null || line.getLength() > longest.getLength())) {
                longest = line;
            }
        }
        if (longest == null && geometry.getNumGeometries() > 0) {
            org.locationtech.jts.operation.linemerge.LineMerger merger = new org.locationtech.jts.operation.linemerge.LineMerger();
            merger.add(geometry);
            for (Object merged : merger.getMergedLineStrings()) {
                LineString line = (LineString) merged;
                if (longest == null || line.getLength() > longest.getLength()) {
                    longest = line;
                }
            }
        }
        return longest;
    }

    /** Metres along a meridian, in degrees of latitude (longitude is scaled where it is used). */
    private static double metresToDegrees(double metres) {
        return metres / 111_320.0;
    }
}
