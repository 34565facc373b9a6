package org.flashpoint.app.bench;

import java.util.Arrays;

/** Latency samples in milliseconds, collected from one thread, summarised as percentiles. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (nearest rank), or -1 when there are no samples. */
    synchronized long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    @Override
    public String toString() {
        return count() == 0 ? "no samples" : String.format("p50=%d ms p99=%d ms (%d samples)", percentile(50), percentile(99), count());
    }
}
