package ru.spb.feedback.appeals.support;

/**
 * Points at exact distances from a base point, on the sphere of the Earth's mean radius: due north
 * or south the distance is the radius times the latitude difference; due east it follows from
 * the haversine of a parallel.
 */
final class Places {

    private static final double EARTH_RADIUS = 6_371_008.8;

    private Places() {
    }

    record Point(double lat, double lon) {
        Point north(double meters) {
            return new Point(lat + Math.toDegrees(meters / EARTH_RADIUS), lon);
        }

        Point south(double meters) {
            return north(-meters);
        }

        Point east(double meters) {
            double dLon = 2 * Math.asin(Math.sin(meters / (2 * EARTH_RADIUS)) / Math.cos(Math.toRadians(lat)));
            return new Point(lat, lon + Math.toDegrees(dLon));
        }

        Point west(double meters) {
            return east(-meters);
        }
    }
}
