package ru.spb.feedback.appeals.statistics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group of public, routed appeals registered in the range: one municipality and
 * problem type (a row), one municipality (codes of the type null) or all (both codes null).
 */
@Schema(description = "Figures of public, routed appeals registered in the range")
public record Figures(
        String municipalityCode,
        String municipalityName,
        String categoryCode,
        String categoryName,
        @Schema(description = "Appeals registered in the range") long received,
        @Schema(description = "Of them, with at least one answer (also if reopened since)") long answered,
        @Schema(description = "Of the answered, first answer at or before the due date in force then") long answeredOnTime,
        @Schema(description = "answeredOnTime / answered × 100, one decimal; null when none answered") BigDecimal answeredOnTimePercent,
        @Schema(description = "Median days from registration to the first answer, one decimal; null when none answered") BigDecimal medianDaysToAnswer,
        @Schema(description = "Open now (not answered, closed, rejected, withdrawn) and past the due date or marked overdue") long overdueNow,
        @Schema(description = "Appeals a citizen rated (the latest rating counts)") long rated,
        @Schema(description = "Of the rated, satisfied by the latest rating") long satisfied,
        @Schema(description = "satisfied / rated × 100, one decimal; null when none rated") BigDecimal satisfiedPercent,
        @Schema(description = "Mean of the latest ratings (1–5), one decimal; null when none rated") BigDecimal averageRating) {

    /** The CSV columns: the JSON field names, in their order. */
    static final String[] COLUMNS = {"municipalityCode", "municipalityName", "categoryCode", "categoryName", "received",
            "answered", "answeredOnTime", "answeredOnTimePercent", "medianDaysToAnswer", "overdueNow", "rated", "satisfied",
            "satisfiedPercent", "averageRating"};

    static final int DECIMALS = 1;

    /** An empty group (nothing registered): the total of a range with no appeals. */
    static Figures none() {
        return new Figures(null, null, null, null, 0, 0, 0, null, null, 0, 0, 0, null, null);
    }

    /** {@code part / whole} in percent, one decimal, half up; null when the whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), DECIMALS, RoundingMode.HALF_UP);
    }

    /** One decimal, half up; null stays null. */
    static BigDecimal oneDecimal(Number value) {
        if (value == null) {
            return null;
        }
        BigDecimal exact = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        return exact.setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    /** The values in {@link #COLUMNS} order, numbers with a dot, null as null. */
    Object[] values() {
        return new Object[]{municipalityCode, municipalityName, categoryCode, categoryName, received, answered, answeredOnTime,
                answeredOnTimePercent, medianDaysToAnswer, overdueNow, rated, satisfied, satisfiedPercent, averageRating};
    }
}
