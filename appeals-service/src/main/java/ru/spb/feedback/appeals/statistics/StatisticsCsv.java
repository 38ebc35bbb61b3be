package ru.spb.feedback.appeals.statistics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The rows of a report as CSV (RFC 4180): a header of the JSON field names, one line per
 * municipality and problem type, comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break; numbers with a dot, an absent figure empty.
 */
final class StatisticsCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final String LINE_END = "\r\n";

    private StatisticsCsv() {
    }

    static String of(StatisticsReport report) {
        StringBuilder csv = new StringBuilder(String.join(",", Figures.COLUMNS)).append(LINE_END);
        for (Figures row : report.rows()) {
            csv.append(Arrays.stream(row.values()).map(StatisticsCsv::field).collect(Collectors.joining(","))).append(LINE_END);
        }
        return csv.toString();
    }

    /** The download's name: statistics-2026-09-08-2026-12-06.csv. */
    static String fileName(StatisticsReport report) {
        return "statistics-" + report.from() + "-" + report.to() + ".csv";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
