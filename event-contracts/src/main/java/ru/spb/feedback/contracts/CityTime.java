package ru.spb.feedback.contracts;

import java.time.ZoneId;

/**
 * The city's clock: St. Petersburg keeps Moscow time. Every calendar day the platform speaks of (a due date, an
 * appeal number's year, a statistics range, a date in an e-mail or an Open311 filter) is a day in this zone.
 */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private CityTime() {
    }
}
