package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.HttpPostLoad.Failure;
import io.github.reservekit.benchmarks.HttpPostLoad.Sample;
import io.github.reservekit.benchmarks.OpenLoop.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a burst did (warm, a burst above capacity, recover; issue #22): per phase, the answers within 1 s, the
 * connection errors and time-outs, the 201s and 503s and the p99 of each apart; then how long after the burst the
 * p99 of every answer stayed under 250 ms.
 */
final class BurstReport {

    static final double WITHIN_MS = 1_000;
    static final double RECOVERED_P99_MS = 250;

    private final List<Phase> phases;
    private final List<Sample> samples;

    BurstReport(List<Phase> phases, List<Sample> samples) {
        this.phases = List.copyOf(phases);
        this.samples = List.copyOf(samples);
    }

    /** The lines to print: one per phase, then the recovery. */
    List<String> lines() {
        var lines = new ArrayList<String>();
        long from = 0;
        for (var phase : phases) {
            long to = from + phase.duration().toNanos();
            lines.add(phaseLine(phase, scheduledIn(from, to)));
            from = to;
        }
        lines.add(recoveryLine());
        return lines;
    }

    private List<Sample> scheduledIn(long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> s.scheduledNanos() >= fromNanos && s.scheduledNanos() < toNanos)
                .toList();
    }

    private static String phaseLine(Phase phase, List<Sample> in) {
        long answered = in.stream().filter(s -> s.status() > 0).count();
        long within =
                in.stream().filter(s -> s.status() > 0 && ms(s) <= WITHIN_MS).count();
        return String.format(
                Locale.ROOT,
                "%-8s %5d/s %3d s: %6d sent, answered within 1 s %5.1f %%, 201 %d (p99 %s ms), 503 %d (p99 %s ms),"
                        + " other status %d, connection errors %d, time-outs %d, other failures %d",
                phase.name(),
                phase.rate(),
                phase.duration().toSeconds(),
                in.size(),
                in.isEmpty() ? 0 : 100.0 * within / in.size(),
                count(in, s -> s.status() == 201),
                p99(in, s -> s.status() == 201),
                count(in, s -> s.status() == 503),
                p99(in, s -> s.status() == 503),
                answered - count(in, s -> s.status() == 201 || s.status() == 503),
                count(in, s -> s.failure() == Failure.CONNECTION),
                count(in, s -> s.failure() == Failure.TIMEOUT),
                count(in, s -> s.failure() == Failure.OTHER));
    }

    /**
     * Seconds from the burst's end (the start of the last phase) to the first 1-second window of scheduled requests
     * from which on every window's p99 (all answers, failures counted as their time) stays under 250 ms.
     */
    Optional<Duration> recovery() {
        long lastStart = 0;
        for (int i = 0; i < phases.size() - 1; i++) {
            lastStart += phases.get(i).duration().toNanos();
        }
        long end = lastStart + phases.getLast().duration().toNanos();
        long second = TimeUnit.SECONDS.toNanos(1);
        Long recoveredAt = null;
        for (long window = lastStart; window + second <= end; window += second) {
            var in = scheduledIn(window, window + second);
            boolean good = !in.isEmpty()
                    && in.stream().allMatch(s -> s.status() > 0)
                    && Latencies.of(in.stream().mapToLong(Sample::latencyNanos)).p99() < RECOVERED_P99_MS;
            if (good && recoveredAt == null) {
                recoveredAt = window - lastStart;
            } else if (!good) {
                recoveredAt = null;
            }
        }
        return Optional.ofNullable(recoveredAt).map(Duration::ofNanos);
    }

    private String recoveryLine() {
        return recovery()
                .map(d -> String.format(
                        Locale.ROOT,
                        "recovered: p99 under %.0f ms in every second from %d s after the burst on",
                        RECOVERED_P99_MS,
                        d.toSeconds()))
                .orElse(String.format(
                        Locale.ROOT, "not recovered: p99 not under %.0f ms to the end of the run", RECOVERED_P99_MS));
    }

    private static long count(List<Sample> in, Predicate<Sample> which) {
        return in.stream().filter(which).count();
    }

    private static String p99(List<Sample> in, Predicate<Sample> which) {
        var latencies = Latencies.of(in.stream().filter(which).mapToLong(Sample::latencyNanos));
        return latencies.count() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", latencies.p99());
    }

    private static double ms(Sample sample) {
        return sample.latencyNanos() / 1e6;
    }
}
