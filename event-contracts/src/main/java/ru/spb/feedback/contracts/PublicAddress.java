package ru.spb.feedback.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An appeal's address as the public may read it: cut to its street. One rule for every public place an address
 * appears: appeals-service's public view (Open311 without the owner's key, retention) and notification-service's
 * area-alert e-mails, so neither says more of the place than the other.
 */
public final class PublicAddress {

    /** A token that starts the house part: "5", "28А", "12/1", "д.", "д.5", "дом", "к2", "корп.", "лит.", "кв." … */
    private static final Pattern HOUSE = Pattern.compile(
            "(?iu)(\\d+[а-яa-z]?([/\\\\]\\d+[а-яa-z]?)?|(д|дом|зд|здание|к|корп|корпус|стр|строение|лит|литер|литера|кв|оф|пом)(\\.|\\.?\\d.*)?)[.,;]?");
    /** A Russian postal code, sometimes written first: "190000, Санкт-Петербург, …". */
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{6}");

    private PublicAddress() {
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
