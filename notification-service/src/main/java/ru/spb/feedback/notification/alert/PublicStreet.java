package ru.spb.feedback.notification.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An appeal's address as the public may see it: cut to its street, the same rule as appeals-service's
 * public view ({@code appeal.PublicView.street}, Open311 without the owner's key), so an alert says no
 * more of the place than anyone can read there. Keep the two in step.
 */
final class PublicStreet {

    /** A token that starts the house part: "5", "28А", "12/1", "д.", "д.5", "дом", "к2", "корп.", "лит.", "кв." … */
    private static final Pattern HOUSE = Pattern.compile(
            "(?iu)(\\d+[а-яa-z]?([/\\\\]\\d+[а-яa-z]?)?|(д|дом|зд|здание|к|корп|корпус|стр|строение|лит|литер|литера|кв|оф|пом)(\\.|\\.?\\d.*)?)[.,;]?");
    /** A Russian postal code, sometimes written first: "190000, Санкт-Петербург, …". */
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{6}");

    private PublicStreet() {
    }

    /** "ул. Садовая, д. 5" → "ул. Садовая", "Невский пр., 28" → "Невский пр."; null when nothing is left. */
    static String of(String address) {
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
