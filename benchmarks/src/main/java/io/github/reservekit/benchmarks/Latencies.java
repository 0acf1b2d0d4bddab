package io.github.reservekit.benchmarks;

import java.util.Locale;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of latencies in milliseconds, from an HdrHistogram of the nanoseconds (3 significant digits:
 * a percentile is within 0.1 % of the exact one).
 *
 * @param count how many samples
 */
record Latencies(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    /** The latencies of {@code nanos}, each at least 0. */
    static Latencies of(LongStream nanos) {
        var histogram = new Histogram(3);
        nanos.forEach(histogram::recordValue);
        return of(histogram);
    }

    static Latencies of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(
                nanos.getTotalCount(),
                ms(nanos.getValueAtPercentile(50)),
                ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getValueAtPercentile(99.9)),
                ms(nanos.getMaxValue()),
                nanos.getMean() / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** {@code p50 2.10 | p90 3.40 | p99 9.80 | p99.9 15.20 | max 20.30 | mean 2.50 ms (n 12,500)}. */
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
