package ru.spb.feedback.messaging.jobs;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A worker thread that runs a round every {@code interval}, and at once when a transaction that
 * asked for it commits — so work written in a transaction (an outbox row, a delivery) goes out
 * right after the commit, while retries and other copies' work are still picked up by polling.
 * Whether a round may run in this copy at all is the round's business (see {@link ClusterLock}).
 */
public final class BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    /** What a round found. */
    public enum Outcome {
        /** Nothing more to do: wait for the next nudge or interval. */
        IDLE,
        /** A full batch: run again at once. */
        MORE,
        /** Something is down: wait the backoff before trying again. */
        FAILED
    }

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        Outcome run() throws InterruptedException;
    }

    private final String name;
    private final Duration interval;
    private final Duration backoff;
    private final Round round;
    private final Semaphore nudges = new Semaphore(0);
    private final ExecutorService thread;
    private volatile boolean running = true;

    private BackgroundLoop(String name, Duration interval, Duration backoff, Round round) {
        this.name = name;
        this.interval = interval;
        this.backoff = backoff;
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    public static BackgroundLoop start(String name, Duration interval, Duration backoff, Round round) {
        BackgroundLoop loop = new BackgroundLoop(name, interval, backoff, round);
        loop.thread.submit(loop::run);
        return loop;
    }

    /** False once stopping: a long round should finish early. */
    public boolean running() {
        return running;
    }

    /**
     * Asks for a round as soon as the current transaction commits (nothing if it rolls back). Asking
     * again in the same transaction (a batch of events, each writing an outbox row) adds nothing.
     */
    public void nudgeAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    nudges.release();
                }
            }
        });
    }

    /** Stops after the round under way, waiting for it up to {@code wait}. */
    public void stop(Duration wait) {
        running = false;
        nudges.release();
        thread.shutdown();
        try {
            thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                nudges.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
                if (!running) {
                    return;
                }
                switch (round.run()) {
                    case MORE -> nudges.release();
                    case FAILED -> Thread.sleep(backoff.toMillis());
                    case IDLE -> { }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the message may quote a recipient or a payload: the class only, the rest at debug
                LOG.errorf("%s round failed (%s)", name, e.getClass().getName());
                LOG.debugf(e, "%s round failure", name);
            }
        }
    }
}
