package io.github.reservekit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-producer-perf-test), run in this JVM on a target's topic with the
 * publisher's producer settings ({@code acks}, idempotence, linger, batch size, timeouts): the yardstick the
 * benchmarks compare the adapter with.
 */
final class ProducerPerformanceRun {

    /** Set by ProducerPerformance's own arguments or by the client itself, not passed as command properties. */
    private static final Set<String> NOT_PASSED = Set.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.CLIENT_ID_CONFIG);

    private ProducerPerformanceRun() {}

    /**
     * Sends {@code records} records of {@code recordSize} bytes to the target's topic at {@code throughput} per
     * second (-1: as fast as it can) and returns what it printed.
     *
     * @param echo whether its output also goes to this JVM's standard output as it runs
     * @throws IllegalStateException when it fails or exits
     */
    static String run(KafkaTarget target, long records, int recordSize, int throughput, boolean echo) {
        var args = new ArrayList<>(List.of(
                "--bootstrap-server",
                target.kafka().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG).toString(),
                "--topic",
                target.topic(),
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                Integer.toString(throughput),
                "--command-property"));
        target.producerProperties().forEach((key, value) -> {
            if (!NOT_PASSED.contains(key)) {
                args.add(key + "=" + value);
            }
        });
        var captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("ProducerPerformance exited with " + status + ": " + message);
        });
        OutputStream output = echo ? new TeeOutputStream(original, captured) : captured;
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args.toArray(String[]::new));
        } catch (Exception failed) {
            throw new IllegalStateException("ProducerPerformance failed", failed);
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Writes to two streams: the console, and a buffer the result is parsed from. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
