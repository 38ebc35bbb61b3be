package ru.spb.feedback.routing.territory;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers "which municipality (and district) is this point in" from boundary polygons, with an
 * R-tree over prepared geometries. A point on a shared border is covered by both polygons; it
 * then belongs to the one with the smaller code, so the answer never depends on load order.
 * Immutable and thread-safe; a new boundary set means a new index.
 */
public final class TerritoryIndex {

    /** WGS 84 longitude/latitude, as GeoJSON has them. */
    public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    /** Smaller code wins a tie: numeric codes by value (shorter first), others alphabetically. */
    static final Comparator<String> CODE_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /**
     * One polygon (or multipolygon) of a municipality or district.
     *
     * @param code     the area's code
     * @param geometry its boundary, lon/lat
     */
    public record Area(String code, Geometry geometry) {
    }

    private record Entry(String code, PreparedGeometry shape) {
    }

    private final STRtree municipalities;
    private final STRtree districts;
    private final int municipalityCount;
    private final int districtCount;

    private TerritoryIndex(STRtree municipalities, int municipalityCount, STRtree districts, int districtCount) {
        this.municipalities = municipalities;
        this.districts = districts;
        this.municipalityCount = municipalityCount;
        this.districtCount = districtCount;
    }

    public static TerritoryIndex of(List<Area> municipalities, List<Area> districts) {
        return new TerritoryIndex(tree(municipalities), municipalities.size(), tree(districts), districts.size());
    }

    /** The code of the municipality covering the point, if any. */
    public Optional<String> municipalityAt(double lat, double lon) {
        return locate(municipalities, lat, lon);
    }

    /** The code of the district covering the point, if any. */
    public Optional<String> districtAt(double lat, double lon) {
        return locate(districts, lat, lon);
    }

    public int municipalityCount() {
        return municipalityCount;
    }

    public int districtCount() {
        return districtCount;
    }

    private static Optional<String> locate(STRtree tree, double lat, double lon) {
        Point point = GEOMETRY.createPoint(new Coordinate(lon, lat));
        String[] best = {null};
        tree.query(new Envelope(lon, lon, lat, lat), item -> {
            Entry entry = (Entry) item;
            if ((best[0] == null || CODE_ORDER.compare(entry.code(), best[0]) < 0) && entry.shape().covers(point)) {
                best[0] = entry.code();
            }
        });
        return Optional.ofNullable(best[0]);
    }

    private static STRtree tree(List<Area> areas) {
        STRtree tree = new STRtree();
        for (Area area : areas) {
            tree.insert(area.geometry().getEnvelopeInternal(),
                    new Entry(area.code(), PreparedGeometryFactory.prepare(area.geometry())));
        }
        tree.build();
        return tree;
    }
}
