package ru.spb.feedback.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with a cap and a little jitter, so retries of many deliveries spread out. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the given number of failed attempts (1 = after the first failure). */
    public Duration after(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = initial.toMillis() * (1L << exponent);
        if (millis <= 0 || millis > max.toMillis()) {
            millis = max.toMillis();
        }
        // ±10 %, never below the initial wait
        long jitter = millis / 10;
        long withJitter = millis + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        return Duration.ofMillis(Math.max(withJitter, initial.toMillis()));
    }
}
