package ru.spb.feedback.appeals.appeal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What anyone may see of an appeal's place and text: every public read (Open311 without the
 * owner's key) goes through here, and retention keeps no more than this (ADR 0017). A point is
 * rounded to {@value #DECIMALS} decimals (latitude: about 111 m; longitude at 60° N: about 56 m),
 * so it says which block, not which entrance; an address is cut to its street; the description is
 * not published at all, because citizens write names, phone numbers and flat numbers into it and
 * nobody reviews texts before they would be shown.
 *
 * @param lat         rounded latitude, null when the appeal has no point
 * @param lon         rounded longitude
 * @param address     the street without house, building, flat, null when nothing is left
 * @param description always null: texts are never public
 */
public record PublicView(Double lat, Double lon, String address, String description) {

    public static final int DECIMALS = 3;

    /** A token that starts the house part: "5", "28А", "12/1", "д.", "д.5", "дом", "к2", "корп.", "лит.", "кв." … */
    private static final Pattern HOUSE = Pattern.compile(
            "(?iu)(\\d+[а-яa-z]?([/\\\\]\\d+[а-яa-z]?)?|(д|дом|зд|здание|к|корп|корпус|стр|строение|лит|литер|литера|кв|оф|пом)(\\.|\\.?\\d.*)?)[.,;]?");
    /** A Russian postal code, sometimes written first: "190000, Санкт-Петербург, …". */
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{6}");

    public static PublicView of(Appeal appeal) {
        return new PublicView(rounded(appeal.lat), rounded(appeal.lon), street(appeal.address), null);
    }

    /** Degrees rounded half-up to {@value #DECIMALS} decimals; null stays null. */
    public static Double rounded(Double degrees) {
        return degrees == null ? null : BigDecimal.valueOf(degrees).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The address up to its house number: comma-separated parts are kept until the first part that
     * starts with a house token, and within a part the words before such a token
     * ("ул. Садовая, д. 5" → "ул. Садовая", "Невский пр., 28" → "Невский пр.",
     * "наб. реки Мойки, 12 к2" → "наб. реки Мойки", "пр. Стачек 47" → "пр. Стачек"). Ordinal street
     * names ("8-я Советская ул.") are not house numbers. A leading postal code is dropped.
     */
    public static String street(String address) {
        if (address == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        String[] parts = address.split(",");
        for (int index = 0; index < parts.length; index++) {
            String part = parts[index].trim();
            if (index == 0 && POSTAL_CODE.matcher(part).matches()) {
                continue;
            }
            List<String> words = new ArrayList<>();
            boolean house = false;
            for (String word : part.split("\\s+")) {
                if (!word.isEmpty() && HOUSE.matcher(word).matches()) {
                    house = true;
                    break;
                }
                words.add(word);
            }
            String street = String.join(" ", words).trim();
            if (!street.isEmpty()) {
                kept.add(street);
            }
            if (house) {
                break;
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }
}
