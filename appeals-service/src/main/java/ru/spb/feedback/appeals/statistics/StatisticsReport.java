package ru.spb.feedback.appeals.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public statistics of a range: per municipality and problem type ({@code rows}, by
 * municipality name, then problem type name), per municipality ({@code municipalities}, by name)
 * and in all ({@code total}).
 */
public record StatisticsReport(LocalDate from, LocalDate to, Instant generatedAt, List<Figures> rows,
                               List<Figures> municipalities, Figures total) {
}
