package io.github.reservekit.benchmarks;

import io.github.reservekit.kafka.topic.ReserveTopic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;

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
        try (var topic = ReserveTopic.create(target.reserveKit(), target.kafka())) {
            var health = topic.ensureExists();
            if (!health.canPublish()) {
                throw new IllegalStateException("cannot publish to " + target.topic() + ": " + health.problems());
            }
        }
        var args = new ArrayList<>(List.of(
                "--bootstrap-server",
                bootstrapServers,
                "--topic",
                target.topic(),
                "--num-records",
                Long.toString(rate * duration.toSeconds()),
                "--record-size",
                Integer.toString(RECORD_SIZE),
                "--throughput",
                Integer.toString(rate),
                "--command-property"));
        target.producerProperties().forEach((key, value) -> {
            if (!Set.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                            ProducerConfig.CLIENT_ID_CONFIG)
                    .contains(key)) {
                args.add(key + "=" + value);
            }
        });
        var captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("ProducerPerformance exited with " + status + ": " + message);
        });
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args.toArray(String[]::new));
        } catch (Exception failed) {
            throw new IllegalStateException("ProducerPerformance failed", failed);
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        String last = null;
        int p99 = -1;
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            var matcher = SUMMARY.matcher(line);
            if (matcher.find()) {
                last = line.strip();
                p99 = Integer.parseInt(matcher.group(2));
            }
        }
        return last == null ? Optional.empty() : Optional.of(new Floor(last, p99));
    }
}
