package ru.spb.feedback.notification.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs webhook calls off the dispatcher's thread, on a bounded pool, with at most a few calls in
 * flight per receiver: a receiver that trickles or never answers ties up its own lane until the
 * call deadline, never the pool, other receivers or e-mail. A receiver whose lane is full is
 * {@linkplain #full() left out of claims} until a call of it ends.
 */
final class ReceiverLanes {

    private final ExecutorService pool;
    private final int perReceiver;
    private final Map<UUID, Lane> lanes = new HashMap<>();

    private static final class Lane {
        final Queue<Runnable> waiting = new ArrayDeque<>();
        int running;
    }

    ReceiverLanes(int threads, int perReceiver) {
        AtomicInteger numbers = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "webhook-call-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.perReceiver = perReceiver;
    }

    /** Runs the call when its receiver has a free slot. */
    synchronized void submit(UUID receiver, Runnable call) {
        Lane lane = lanes.computeIfAbsent(receiver, key -> new Lane());
        lane.waiting.add(call);
        drain(receiver, lane);
    }

    /** Receivers with every slot taken: claiming more for them now would only make calls wait. */
    synchronized Set<UUID> full() {
        return lanes.entrySet().stream().filter(entry -> entry.getValue().running >= perReceiver)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    void stop(Duration wait) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(UUID receiver, Lane lane) {
        while (lane.running < perReceiver && !lane.waiting.isEmpty()) {
            Runnable call = lane.waiting.poll();
            lane.running++;
            try {
                pool.execute(() -> {
                    try {
                        call.run();
                    } finally {
                        finished(receiver, lane);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // shutting down: the claim's lease runs out and a copy still running sends it
                lane.running--;
                lane.waiting.clear();
            }
        }
    }

    private synchronized void finished(UUID receiver, Lane lane) {
        lane.running--;
        drain(receiver, lane);
        if (lane.running == 0 && lane.waiting.isEmpty()) {
            lanes.remove(receiver);
        }
    }
}
