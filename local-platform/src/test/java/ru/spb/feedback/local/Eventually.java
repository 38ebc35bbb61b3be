package ru.spb.feedback.local;

import java.time.Duration;

/** Waits for what the platform does asynchronously: over Kafka, by e-mail, after a restart. */
final class Eventually {

    /** Long enough for a loaded two-core machine; a broken flow fails here instead of hanging. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private Eventually() {
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    static void await(String what, Check check) throws Exception {
        await(what, WAIT, check);
    }

    static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
}
