package ru.spb.feedback.appeals.support;

/**
 * Great-circle distance on a sphere of the Earth's mean radius: within a city the error against
 * the ellipsoid stays below 0.5 %, metres for a search radius of hundreds of metres.
 */
final class Haversine {

    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** The same formula in SQL, for columns {@code lat}, {@code lon} and parameters {@code :lat}, {@code :lon}. */
    static final String SQL = """
            2 * %s * asin(least(1, sqrt(
                power(sin(radians(lat - :lat) / 2), 2)
                + cos(radians(:lat)) * cos(radians(lat)) * power(sin(radians(lon - :lon) / 2), 2))))"""
            .formatted(EARTH_RADIUS_METERS);

    private Haversine() {
    }

    /**
     * The latitude and longitude half-widths, in degrees, of a box that holds every point within
     * {@code radius} metres of a point at {@code lat}: the index narrows the search to it, the
     * exact distance decides.
     */
    static double[] boxHalfWidths(double lat, double radius) {
        double dLat = Math.toDegrees(radius / EARTH_RADIUS_METERS);
        // a parallel is shorter by cos(lat); the city is far from the poles, so this never divides by ~0
        double dLon = Math.toDegrees(radius / (EARTH_RADIUS_METERS * Math.cos(Math.toRadians(Math.abs(lat) + dLat))));
        return new double[] {dLat, dLon};
    }
}
