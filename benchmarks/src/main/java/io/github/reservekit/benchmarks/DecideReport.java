package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.DecideOptions.Mode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@link DecideBenchmark} prints: each mode's figures as measured, then a table and the ratios it is for. */
final class DecideReport {

    /** The read-back p99 may be at most this many times the bare acknowledgement's (issue #11). */
    static final double TARGET_RATIO = 1.5;

    private final String bootstrap;
    private final int instances;
    private final boolean brokersMeasured;

    DecideReport(String bootstrap, int instances, boolean brokersMeasured) {
        this.bootstrap = bootstrap;
        this.instances = instances;
        this.brokersMeasured = brokersMeasured;
    }

    void mode(int rate, Mode mode, Measurement measured) {
        double[] load = measured.loadAverageRange();
        System.out.printf(
                Locale.ROOT,
                "%d/s %-24s %s | %d errors %s| %.1f answered/s | load avg %.1f-%.1f%n",
                rate,
                mode.label(instances) + ":",
                measured.latency().line(),
                measured.errorCount(),
                measured.errorCount() == 0 ? "" : measured.errorKinds() + " ",
                measured.answeredPerSecond(),
                load[0],
                load[1]);
        var cpu = measured.cpuPerPlacement();
        System.out.printf(
                Locale.ROOT,
                "    CPU per placement: %s%.0f us in this JVM (clients, core, load generator)%n",
                brokersMeasured ? String.format(Locale.ROOT, "%.0f us in the brokers, ", cpu.brokerNanos() / 1e3) : "",
                cpu.thisJvmNanos() / 1e3);
        if (mode == Mode.ONE || mode == Mode.MANY) {
            System.out.printf(
                    "    of which until its acknowledgement: %s%n    and from it to the answer (fold):    %s%n",
                    measured.acknowledgement().line(),
                    measured.afterAcknowledgement().line());
        }
    }

    void summary(Map<Integer, Map<Mode, Measurement>> results) {
        System.out.printf(
                Locale.ROOT,
                "%nRESULT (%s; %d cores; load average now %.2f)%n",
                bootstrap,
                Runtime.getRuntime().availableProcessors(),
                OpenLoop.loadAverage());
        System.out.println("| rate/s | mode | p50 ms | p99 ms | p99.9 ms | max ms | errors | answered/s |"
                + " CPU us/placement: brokers, this JVM | load avg |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        results.forEach((rate, modes) -> modes.forEach((mode, measured) -> row(rate, mode, measured)));
        System.out.println();
        results.forEach(this::ratios);
    }

    private void row(int rate, Mode mode, Measurement measured) {
        var latency = measured.latency();
        var cpu = measured.cpuPerPlacement();
        double[] load = measured.loadAverageRange();
        System.out.printf(
                Locale.ROOT,
                "| %d | %s | %.2f | %.2f | %.2f | %.2f | %d of %,d | %.1f | %s, %.0f | %.1f-%.1f |%n",
                rate,
                mode.label(instances),
                latency.p50(),
                latency.p99(),
                latency.p999(),
                latency.max(),
                measured.errorCount(),
                measured.scheduled(),
                measured.answeredPerSecond(),
                brokersMeasured ? String.format(Locale.ROOT, "%.0f", cpu.brokerNanos() / 1e3) : "?",
                cpu.thisJvmNanos() / 1e3,
                load[0],
                load[1]);
    }

    private void ratios(int rate, Map<Mode, Measurement> modes) {
        var ack = modes.get(Mode.ACK);
        var one = modes.get(Mode.ONE);
        var many = modes.get(Mode.MANY);
        var ackMany = modes.get(Mode.ACK_MANY);
        System.out.printf("%d/s:%n", rate);
        if (ack != null && one != null) {
            double ratio = one.latency().p99() / ack.latency().p99();
            System.out.printf(
                    Locale.ROOT,
                    "  p99 read-back (1 instance) / p99 ack = %.2f (%s the target of %.1f)%n",
                    ratio,
                    ratio <= TARGET_RATIO ? "meets" : "MISSES",
                    TARGET_RATIO);
        }
        if (ack != null && many != null) {
            System.out.printf(
                    Locale.ROOT,
                    "  p99 read-back (%d instances) / p99 ack = %.2f%n",
                    instances,
                    many.latency().p99() / ack.latency().p99());
        }
        if (ackMany != null && many != null) {
            System.out.printf(
                    Locale.ROOT,
                    "  p99 read-back (%d instances) / p99 ack through %d publishers = %.2f%n",
                    instances,
                    instances,
                    many.latency().p99() / ackMany.latency().p99());
        }
        for (var readBack : List.of(Mode.ONE, Mode.MANY)) {
            var measured = modes.get(readBack);
            if (measured != null) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s, the same requests: p99 of the answer / p99 of their own acknowledgement = %.2f%n",
                        readBack.label(instances),
                        measured.latency().p99() / measured.acknowledgement().p99());
            }
        }
        if (one != null && many != null) {
            // Open loop: a system that does not keep up answers fewer per second than offered (its backlog grows);
            // both are measured alike, so compare them with each other.
            boolean sustained = many.errorCount() == 0 && many.answeredPerSecond() >= 0.95 * one.answeredPerSecond();
            System.out.printf(
                    Locale.ROOT,
                    "  %d instances %s the rate of 1 (%.1f answered/s against %.1f, %d errors)%n",
                    instances,
                    sustained ? "sustain" : "do NOT sustain",
                    many.answeredPerSecond(),
                    one.answeredPerSecond(),
                    many.errorCount());
        }
    }
}
