package io.github.reservekit.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of latencies, exact (every sample kept and sorted; nearest-rank), in milliseconds.
 *
 * @param count how many samples
 */
record Latencies(int count, double p50, double p90, double p99, double p999, double max, double mean) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Latencies(
                sorted.length,
                ms(rank(sorted, 0.50)),
                ms(rank(sorted, 0.90)),
                ms(rank(sorted, 0.99)),
                ms(rank(sorted, 0.999)),
                ms(sorted[sorted.length - 1]),
                sum / sorted.length / 1e6);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** {@code p50 2.1 | p90 3.4 | p99 9.8 | p99.9 15.2 | max 20.3 ms (n 12500)}. */
    String line() {
        return String.format(
                Locale.ROOT,
                "p50 %6.2f | p90 %6.2f | p99 %7.2f | p99.9 %7.2f | max %7.2f | mean %6.2f ms (n %,d)",
                p50,
                p90,
                p99,
                p999,
                max,
                mean,
                count);
    }
}
