package ru.spb.feedback.local;

import java.util.Arrays;

/** Latency samples in microseconds and their percentiles (nearest rank). */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0–100) in milliseconds; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }

    String describe() {
        return String.format("p50 %.1f ms, p99 %.1f ms", percentileMillis(50), percentileMillis(99));
    }
}
