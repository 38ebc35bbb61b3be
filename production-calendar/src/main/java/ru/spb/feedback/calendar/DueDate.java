package ru.spb.feedback.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An answer deadline.
 *
 * @param date      the last day on which the answer is on time (in the city's time zone)
 * @param at        the end of that day, as an instant
 * @param estimated true if part of the count fell in a year the calendar does not know, where
 *                  Monday–Friday was assumed (holidays of that year are not accounted for)
 */
public record DueDate(LocalDate date, Instant at, boolean estimated) {
}
