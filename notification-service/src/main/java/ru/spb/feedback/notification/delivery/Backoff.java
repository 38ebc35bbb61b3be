package ru.spb.feedback.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with a cap and a little jitter, so retries of many deliveries spread out. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the given number of failed attempts (1 = after the first failure). */
    public Duration after(int failedAttempts) {
        long millis = nominalMillis(failedAttempts);
        // ±10 %, never below the initial wait
        long jitter = millis / 10;
        long withJitter = millis + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        return Duration.ofMillis(Math.max(withJitter, initial.toMillis()));
    }

    /** The shortest wait {@link #after} can give: the jitter at −10 %. */
    public Duration shortest(int failedAttempts) {
        long millis = nominalMillis(failedAttempts);
        return Duration.ofMillis(Math.max(millis - millis / 10, initial.toMillis()));
    }

    /**
     * How many attempts keep a delivery trying for at least the window, even if every wait comes
     * out shortest: the first attempt and one more after each wait until the waits add up.
     */
    public int attemptsWithin(Duration window) {
        int attempts = 1;
        Duration waited = Duration.ZERO;
        while (waited.compareTo(window) < 0) {
            waited = waited.plus(shortest(attempts));
            attempts++;
        }
        return attempts;
    }

    private long nominalMillis(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = initial.toMillis() * (1L << exponent);
        return millis <= 0 || millis > max.toMillis() ? max.toMillis() : millis;
    }
}
