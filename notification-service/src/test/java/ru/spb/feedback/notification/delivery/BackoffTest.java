package ru.spb.feedback.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries back off exponentially, within ±10 %, never beyond the cap. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(6));

    @Test
    void doublesWithEveryFailureUpToTheCap() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.after(1)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(33));
            assertThat(backoff.after(2)).isBetween(Duration.ofSeconds(54), Duration.ofSeconds(66));
            assertThat(backoff.after(5)).isBetween(Duration.ofSeconds(432), Duration.ofSeconds(528));
            assertThat(backoff.after(40)).isBetween(Duration.ofMinutes(324), Duration.ofMinutes(396));
        }
    }
}
