package io.github.reservekit.benchmarks;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-producer-perf-test) at a fixed rate on the benchmark's brokers, in
 * this JVM, with the publisher's producer settings ({@code acks=all}, idempotent, the same linger and batch size)
 * and records the size of ours on the wire (580 bytes), on a fresh topic shaped like {@code reserve}: the floor an
 * HTTP figure at the same rate is compared with.
 */
final class ProducerFloor {

    /** One of our events on the wire: key + JSON value + CloudEvents headers (see docs/benchmarks.md). */
    static final int RECORD_SIZE = 580;

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, .* (\\d+) ms 99th");

    private ProducerFloor() {}

    /** The last summary line ProducerPerformance printed and its p99 (ms), or empty when it printed none. */
    record Floor(String summary, int p99Millis) {}

    static Optional<Floor> measure(String bootstrapServers, int rate, Duration duration) {
        var target = KafkaTarget.of(
                bootstrapServers,
                "producer-floor-" + UUID.randomUUID().toString().substring(0, 8),
                3,
                Duration.ofSeconds(5));
        target.provision();
        String output = ProducerPerformanceRun.run(target, rate * duration.toSeconds(), RECORD_SIZE, rate, false);
        String last = null;
        int p99 = -1;
        for (String line : output.split("\n")) {
            var matcher = SUMMARY.matcher(line);
            if (matcher.find()) {
                last = line.strip();
                p99 = Integer.parseInt(matcher.group(2));
            }
        }
        return last == null ? Optional.empty() : Optional.of(new Floor(last, p99));
    }
}
