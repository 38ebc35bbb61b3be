package ru.spb.feedback.appeals.appeal;

import ru.spb.feedback.contracts.PublicAddress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What anyone may see of an appeal's place and text: every public read (Open311 without the
 * owner's key) goes through here, and retention keeps no more than this (ADR 0017). A point is
 * rounded to {@value #DECIMALS} decimals (latitude: about 111 m; longitude at 60° N: about 56 m),
 * so it says which block, not which entrance; an address is cut to its street ({@link PublicAddress});
 * the description is not published at all, because citizens write names, phone numbers and flat numbers into it and
 * nobody reviews texts before they would be shown.
 *
 * @param lat         rounded latitude, null when the appeal has no point
 * @param lon         rounded longitude
 * @param address     the street without house, building, flat, null when nothing is left
 * @param description always null: texts are never public
 */
public record PublicView(Double lat, Double lon, String address, String description) {

    public static final int DECIMALS = 3;

    public static PublicView of(Appeal appeal) {
        return new PublicView(rounded(appeal.lat), rounded(appeal.lon), PublicAddress.street(appeal.address), null);
    }

    /** Degrees rounded half-up to {@value #DECIMALS} decimals; null stays null. */
    public static Double rounded(Double degrees) {
        return degrees == null ? null : BigDecimal.valueOf(degrees).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
}
