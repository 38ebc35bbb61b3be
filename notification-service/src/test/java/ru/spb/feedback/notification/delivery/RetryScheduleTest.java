package ru.spb.feedback.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The attempts a retry window allows: even the shortest waits (jitter −10 %) span the whole window. */
class RetryScheduleTest {

    private final Backoff email = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void aDayOfRetriesAtMostAnHourApartTakesAboutThirtyFiveAttempts() {
        int attempts = email.attemptsWithin(Duration.ofHours(24));
        assertThat(shortestWaits(email, attempts - 1)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(shortestWaits(email, attempts - 2)).isLessThan(Duration.ofHours(24));
        assertThat(attempts).isBetween(30, 40);
    }

    @Test
    void anOutageOfSeveralHoursIsOutlasted() {
        assertThat(shortestWaits(email, email.attemptsWithin(Duration.ofHours(24)) - 1)).isGreaterThan(Duration.ofHours(6));
    }

    @Test
    void aWindowShorterThanTheFirstWaitStillAllowsARetry() {
        assertThat(email.attemptsWithin(Duration.ofSeconds(1))).isEqualTo(2);
        assertThat(email.attemptsWithin(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void theWaitsBetweenAttemptsNeverExceedTheCap() {
        for (int failures = 1; failures < 60; failures++) {
            assertThat(email.after(failures)).isLessThanOrEqualTo(Duration.ofMinutes(66));
            assertThat(email.shortest(failures)).isLessThanOrEqualTo(email.after(failures).plusMillis(1));
        }
    }

    private static Duration shortestWaits(Backoff backoff, int waits) {
        Duration total = Duration.ZERO;
        for (int failures = 1; failures <= waits; failures++) {
            total = total.plus(backoff.shortest(failures));
        }
        return total;
    }
}
