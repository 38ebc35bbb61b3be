package ru.spb.feedback.contracts;

/** A WGS 84 point. */
public record GeoPoint(double lat, double lon) {
}
