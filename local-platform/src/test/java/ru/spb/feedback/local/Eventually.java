package ru.spb.feedback.local;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Waits for what the platform does asynchronously: over Kafka, by e-mail, after a restart. The one
 * place local-platform's tests wait (Awaitility underneath, as in the services' tests); a timeout
 * says what was awaited.
 */
final class Eventually {

    /** Long enough for a loaded two-core machine; a broken flow fails here instead of hanging. */
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    @FunctionalInterface
    interface Read<T> {
        T value() throws Exception;
    }

    static void await(String what, Check check) {
        await(what, WAIT, check);
    }

    static void await(String what, Duration timeout, Check check) {
        if (!holdsWithin(what, timeout, POLL, check)) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
    }

    /** Reads until the value satisfies {@code holds} and returns it; a timeout names the last value read. */
    static <T> T await(String what, Duration timeout, Read<T> read, Predicate<T> holds) {
        AtomicReference<T> last = new AtomicReference<>();
        if (!holdsWithin(what, timeout, POLL, () -> {
            T value = read.value();
            last.set(value);
            return holds.test(value);
        })) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: " + last.get());
        }
        return last.get();
    }

    /**
     * Polls every {@code poll} until the check holds (true) or {@code timeout} is over (false), for a
     * caller that reports a timeout itself instead of failing. An exception from the check fails at once.
     */
    static boolean holdsWithin(String what, Duration timeout, Duration poll, Check check) {
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(poll).pollInSameThread()
                    .until(check::holds);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
