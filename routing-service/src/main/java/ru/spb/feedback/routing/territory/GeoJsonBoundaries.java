package ru.spb.feedback.routing.territory;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import ru.spb.feedback.web.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features into {@link TerritoryIndex.Area}s,
 * collecting every problem (with the feature's position) instead of stopping at the first.
 */
public final class GeoJsonBoundaries {

    /**
     * The outcome of reading a collection.
     *
     * @param areas      the areas read (complete only if {@code violations} is empty)
     * @param violations what is wrong, per feature
     */
    public record Reading(List<TerritoryIndex.Area> areas, List<Problem.Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private GeoJsonBoundaries() {
    }

    /**
     * @param codeOf reads a feature's area code from its {@code properties}; returns null when the
     *               feature names no known area (a violation)
     */
    public static Reading read(JsonNode collection, Function<JsonNode, String> codeOf, String codeDescription) {
        List<TerritoryIndex.Area> areas = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asText())) {
            violations.add(new Problem.Violation("type", "must be a GeoJSON FeatureCollection"));
            return new Reading(areas, violations);
        }
        JsonNode features = collection.path("features");
        if (!features.isArray() || features.isEmpty()) {
            violations.add(new Problem.Violation("features", "must be a non-empty array"));
            return new Reading(areas, violations);
        }
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String at = "features[" + i + "]";
            String code = codeOf.apply(feature.path("properties"));
            if (code == null) {
                violations.add(new Problem.Violation(at + ".properties", "names no known " + codeDescription));
            }
            try {
                Geometry geometry = geometry(feature.path("geometry"));
                TopologyValidationError error = new IsValidOp(geometry).getValidationError();
                if (error != null) {
                    violations.add(new Problem.Violation(at + ".geometry", "invalid polygon: " + error.getMessage()
                            + " near " + error.getCoordinate().y + ", " + error.getCoordinate().x));
                } else if (code != null) {
                    areas.add(new TerritoryIndex.Area(code, geometry));
                }
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(at + ".geometry", e.getMessage()));
            }
        }
        return new Reading(areas, violations);
    }

    static Geometry geometry(JsonNode geometry) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException("a MultiPolygon needs at least one polygon");
                }
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i));
                }
                yield TerritoryIndex.GEOMETRY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("must be a Polygon or MultiPolygon, not '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon needs at least its outer ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return TerritoryIndex.GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException("positions must be [longitude, latitude] numbers");
            }
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new IllegalArgumentException("position out of range: longitude and latitude in degrees");
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("a ring must end where it starts");
        }
        return TerritoryIndex.GEOMETRY.createLinearRing(coordinates);
    }
}
