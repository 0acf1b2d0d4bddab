package io.github.reservekit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-producer-perf-test) at a fixed rate on the benchmark's brokers, in
 * this JVM, with the publisher's producer settings ({@code acks=all}, idempotent, the same linger and batch size)
 * and records the size of the shell's own on the wire (key, value and headers of the last record it wrote on
 * {@code reserve}), on a fresh topic shaped like {@code reserve}: the floor an HTTP figure at the same rate is
 * compared with.
 */
final class ProducerFloor {

    /** When the shell's topic has no record to measure: a placement of the HTTP load, as measured once. */
    static final int PLACEMENT_RECORD_SIZE = 719;

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, .* (\\d+) ms 99th");

    private ProducerFloor() {}

    /** The last summary line ProducerPerformance printed and its p99 (ms), or empty when it printed none. */
    record Floor(String summary, int p99Millis) {}

    /**
     * The size on the wire of the last record on partition 0 of {@code topic}: key, value and every header's key
     * and value, as ProducerPerformance's record size counts them; {@link #PLACEMENT_RECORD_SIZE} when there is none.
     */
    static int lastRecordSize(String bootstrapServers, String topic) {
        var partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (end == 0) {
                return PLACEMENT_RECORD_SIZE;
            }
            consumer.seek(partition, end - 1);
            for (var record : consumer.poll(Duration.ofSeconds(10))) {
                int size = length(record.key()) + length(record.value());
                for (Header header : record.headers()) {
                    size += header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
                }
                return size;
            }
            return PLACEMENT_RECORD_SIZE;
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    static Optional<Floor> measure(String bootstrapServers, int rate, Duration duration, int recordSize) {
        var target = KafkaTarget.of(
                bootstrapServers,
                "producer-floor-" + UUID.randomUUID().toString().substring(0, 8),
                3,
                Duration.ofSeconds(5));
        target.provision();
        String output = ProducerPerformanceRun.run(target, rate * duration.toSeconds(), recordSize, rate, false);
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
