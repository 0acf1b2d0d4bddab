package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.OpenLoop.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * The slices of one phase (one way of placing, at one rate), measured at different moments, taken together. Each
 * request answers with the moment ({@link System#nanoTime()}) its own event was acknowledged, or -1 where it was not
 * marked ({@link DecideTargets.Acknowledged}).
 */
final class Measurement {

    private final List<OpenLoop.Run<Long>> slices = new ArrayList<>();
    private CpuTime cpu = new CpuTime(0, 0);

    /** A slice, and the CPU time used while it ran (from its first request until its last answer). */
    void add(OpenLoop.Run<Long> slice, CpuTime used) {
        slices.add(slice);
        cpu = cpu.plus(used);
    }

    /** CPU time per request run (answered or not), in nanoseconds. */
    CpuTime cpuPerPlacement() {
        long requests = Math.max(1, scheduled());
        return new CpuTime(cpu.brokerNanos() / requests, cpu.thisJvmNanos() / requests);
    }

    /** From due time to the answer. */
    Latencies latency() {
        return Latencies.of(values(false, (slice, outcome) -> outcome.latencyNanos()));
    }

    /** From due time to the acknowledgement of the request's own event. */
    Latencies acknowledgement() {
        return Latencies.of(values(true, (slice, outcome) -> acknowledgedAt(slice, outcome) - outcome.dueNanos()));
    }

    /** From the acknowledgement to the answer: the wait for this instance's follower to fold the event. */
    Latencies afterAcknowledgement() {
        return Latencies.of(values(true, (slice, outcome) -> outcome.answeredNanos() - acknowledgedAt(slice, outcome)));
    }

    /** The requests that failed, by kind, plus those still unanswered when their slice ended. */
    Map<String, Integer> errorKinds() {
        var kinds = new TreeMap<String, Integer>();
        slices.stream().flatMap(slice -> slice.outcomes().stream()).forEach(outcome -> {
            if (!outcome.answered()) {
                kinds.merge("unanswered when the run ended", 1, Integer::sum);
            } else if (outcome.failure() != null) {
                kinds.merge(kind(outcome.failure()), 1, Integer::sum);
            }
        });
        return kinds;
    }

    int errorCount() {
        return errorKinds().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests due in the slices. */
    int scheduled() {
        return slices.stream().mapToInt(slice -> slice.outcomes().size()).sum();
    }

    /** Successful answers per second ({@link #answeredPerSecond(OpenLoop.Run)}), the median of the slices. */
    double answeredPerSecond() {
        double[] rates = slices.stream()
                .mapToDouble(Measurement::answeredPerSecond)
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
                slices.stream().mapToDouble(OpenLoop.Run::loadAverage).min().orElse(-1);
        double high =
                slices.stream().mapToDouble(OpenLoop.Run::loadAverage).max().orElse(-1);
        return new double[] {low, high};
    }

    /**
     * Successful answers per second: 99 % of the slice's requests, divided by the time from the first one's due time
     * until 99 % were answered successfully (one straggler does not count, a backlog does). When the system keeps
     * up, this is the offered rate less a latency's worth; when a backlog builds, it falls with the backlog. Zero
     * when fewer than 99 % were answered successfully.
     */
    private static double answeredPerSecond(OpenLoop.Run<Long> slice) {
        long[] answeredAt = slice.outcomes().stream()
                .filter(Outcome::succeeded)
                .mapToLong(Outcome::answeredNanos)
                .sorted()
                .toArray();
        int needed = (int) Math.ceil(0.99 * slice.outcomes().size());
        if (answeredAt.length < needed || needed == 0) {
            return 0;
        }
        long first = slice.outcomes().getFirst().dueNanos();
        long until = Math.max(answeredAt[needed - 1] - first, 1);
        return needed / (until / 1e9);
    }

    /** A nanosecond figure of one request. */
    @FunctionalInterface
    private interface Value {
        long of(OpenLoop.Run<Long> slice, Outcome<Long> outcome);
    }

    /** {@code value} of every successful request (with its acknowledgement marked, if {@code acknowledged}). */
    private LongStream values(boolean acknowledged, Value value) {
        return slices.stream()
                .flatMapToLong(slice -> slice.outcomes().stream()
                        .filter(Outcome::succeeded)
                        .filter(outcome -> !acknowledged || outcome.answer() >= 0)
                        .mapToLong(outcome -> value.of(slice, outcome))
                        .filter(nanos -> nanos >= 0));
    }

    /** When the request's event was acknowledged, in nanoseconds from the slice's start. */
    private static long acknowledgedAt(OpenLoop.Run<Long> slice, Outcome<Long> outcome) {
        return outcome.answer() - slice.startNanos();
    }

    private static String kind(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Event and reservation ids differ per request: keep the error kinds countable.
        return failure.getClass().getSimpleName() + ": "
                + line.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
    }
}
