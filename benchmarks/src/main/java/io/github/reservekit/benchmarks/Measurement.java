package io.github.reservekit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The slices of one phase (one way of placing, at one rate), measured at different moments, taken together. */
final class Measurement {

    private final List<OpenLoop.Run> slices = new ArrayList<>();
    private CpuTime cpu = new CpuTime(0, 0);

    /** A slice, and the CPU time used while it ran (from its first request until its last answer). */
    void add(OpenLoop.Run slice, CpuTime used) {
        slices.add(slice);
        cpu = cpu.plus(used);
    }

    /** CPU time per request run (measured or not, answered or not), in nanoseconds. */
    CpuTime cpuPerPlacement() {
        long requests = Math.max(
                1, slices.stream().mapToLong(slice -> slice.done.length).sum());
        return new CpuTime(cpu.brokerNanos() / requests, cpu.thisJvmNanos() / requests);
    }

    /** From due time to the answer. */
    Latencies latency() {
        return merged(OpenLoop.Run::latencies);
    }

    /** From due time to the acknowledgement of the request's own event. */
    Latencies acknowledgement() {
        return merged(OpenLoop.Run::acknowledgements);
    }

    /** From the acknowledgement to the answer. */
    Latencies afterAcknowledgement() {
        return merged(OpenLoop.Run::afterAcknowledgements);
    }

    Map<String, Integer> errorKinds() {
        var kinds = new TreeMap<String, Integer>();
        slices.forEach(slice -> slice.errorKinds().forEach((kind, count) -> kinds.merge(kind, count, Integer::sum)));
        return kinds;
    }

    int errorCount() {
        return errorKinds().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests due in the measured slices. */
    int scheduled() {
        return slices.stream().mapToInt(OpenLoop.Run::measuredCount).sum();
    }

    /** Successful answers per second (see {@link OpenLoop.Run#answeredPerSecond()}), the median of the slices. */
    double answeredPerSecond() {
        double[] rates = slices.stream()
                .mapToDouble(OpenLoop.Run::answeredPerSecond)
                .sorted()
                .toArray();
        if (rates.length == 0) {
            return 0;
        }
        int middle = rates.length / 2;
        return rates.length % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
    }

    /** The lowest and highest 1-minute load average seen around the slices. */
    double[] loadAverageRange() {
        double low =
                slices.stream().mapToDouble(slice -> slice.loadAverage).min().orElse(-1);
        double high =
                slices.stream().mapToDouble(slice -> slice.loadAverage).max().orElse(-1);
        return new double[] {low, high};
    }

    private Latencies merged(Function<OpenLoop.Run, long[]> samples) {
        var parts = slices.stream().map(samples).toList();
        long[] all = new long[parts.stream().mapToInt(part -> part.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return Latencies.of(all);
    }
}
