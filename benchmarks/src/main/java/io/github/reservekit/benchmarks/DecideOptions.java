package io.github.reservekit.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link DecideBenchmark}'s command line: {@code --bootstrap-server HOST:PORT}, {@code --brokers N} (3), {@code
 * --rates 100,500}, {@code --seconds N} (measured per mode and rate, 30), {@code --slice N} (seconds per turn, 5),
 * {@code --warm-up N} (seconds run but not counted per mode and rate, 5), {@code --jvm-warm-up N} (seconds of
 * read-back at the highest rate before anything is measured, 10), {@code --instances N} (3), {@code --partitions N}
 * (3), {@code --modes ack,one,many,ack-many}, {@code --publish-timeout MS} (5000), {@code --producer KEY=VALUE} and
 * {@code --consumer KEY=VALUE} (repeatable: extra client properties, to try a setting without a rebuild).
 */
record DecideOptions(
        String bootstrapServer,
        int brokers,
        List<Integer> rates,
        Duration measured,
        Duration warmUp,
        Duration jvmWarmUp,
        int instances,
        int partitions,
        Duration slice,
        List<Mode> modes,
        Duration publishTimeout,
        Map<String, Object> producer,
        Map<String, Object> consumer) {

    /** One way of placing, measured at every rate. */
    enum Mode {
        /** The bare acknowledgement: the publisher alone, until {@code publish} returns. */
        ACK,
        /** Read-back on one instance: publish, wait for the instance's follower to fold the event, answer. */
        ONE,
        /** Read-back spread round-robin over N instances on one topic. */
        MANY,
        /** The acknowledgement through as many publishers as the many-instance mode has producers. */
        ACK_MANY;

        String label(int instances) {
            return switch (this) {
                case ACK -> "ack (publish returns)";
                case ONE -> "read-back, 1 instance";
                case MANY -> "read-back, " + instances + " instances";
                case ACK_MANY -> "ack, " + instances + " publishers";
            };
        }
    }

    static DecideOptions parse(String[] args) {
        String bootstrap = null;
        int brokers = 3;
        List<Integer> rates = List.of(100, 500);
        int seconds = 30;
        int warmUp = 5;
        int jvmWarmUp = 10;
        int instances = 3;
        int partitions = 3;
        int slice = 5;
        List<Mode> modes = List.of(Mode.ACK, Mode.ONE, Mode.MANY, Mode.ACK_MANY);
        long publishTimeout = 5000;
        var producer = new LinkedHashMap<String, Object>();
        var consumer = new LinkedHashMap<String, Object>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bootstrap-server" -> bootstrap = value;
                case "--brokers" -> brokers = Integer.parseInt(value);
                case "--rates" ->
                    rates = Arrays.stream(value.split(","))
                            .map(String::strip)
                            .map(Integer::parseInt)
                            .toList();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--jvm-warm-up" -> jvmWarmUp = Integer.parseInt(value);
                case "--instances" -> instances = Integer.parseInt(value);
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--slice" -> slice = Integer.parseInt(value);
                case "--modes" ->
                    modes = Arrays.stream(value.split(","))
                            .map(mode -> Mode.valueOf(
                                    mode.strip().toUpperCase(Locale.ROOT).replace('-', '_')))
                            .toList();
                case "--publish-timeout" -> publishTimeout = Long.parseLong(value);
                case "--producer" -> put(producer, value);
                case "--consumer" -> put(consumer, value);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i] + "; options: --bootstrap-server,"
                            + " --brokers, --rates, --seconds, --warm-up, --jvm-warm-up, --instances, --partitions,"
                            + " --slice, --modes, --publish-timeout, --producer, --consumer");
            }
        }
        if (seconds < 1 || warmUp < 0 || jvmWarmUp < 0 || instances < 1) {
            throw new IllegalArgumentException("--seconds and --instances must be positive, warm-ups not negative");
        }
        if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1 || rate > 1_000_000)) {
            throw new IllegalArgumentException("--rates must list rates of 1 to 1,000,000 per second");
        }
        return new DecideOptions(
                bootstrap,
                brokers,
                rates,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmUp),
                Duration.ofSeconds(jvmWarmUp),
                instances,
                partitions,
                Duration.ofSeconds(Math.max(1, Math.min(slice, seconds))),
                modes,
                Duration.ofMillis(publishTimeout),
                producer,
                consumer);
    }

    private static void put(Map<String, Object> properties, String keyAndValue) {
        int equals = keyAndValue.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException("expected KEY=VALUE, got " + keyAndValue);
        }
        properties.put(keyAndValue.substring(0, equals), keyAndValue.substring(equals + 1));
    }
}
