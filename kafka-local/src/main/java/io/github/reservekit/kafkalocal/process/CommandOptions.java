package io.github.reservekit.kafkalocal.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The {@code bin/kafka-local} command line, parsed, and the usage text that describes it. */
final class CommandOptions {

    static final String DATA_DIR_ENV = "KAFKA_LOCAL_DATA_DIR";

    String subcommand = "help";
    final List<String> positional = new ArrayList<>();
    Path dataDir;
    Integer brokers;
    Integer basePort;
    Integer controllerBasePort;
    String topic;
    Integer partitions;
    Duration timeout = KafkaProcessCluster.DEFAULT_READY_TIMEOUT;
    boolean detach;

    /** @throws IllegalArgumentException on a usage error, saying which */
    static CommandOptions parse(String[] args) {
        CommandOptions o = new CommandOptions();
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        String dataDir = System.getenv(DATA_DIR_ENV);
        List<String> words = new ArrayList<>();
        while (!rest.isEmpty()) {
            String a = rest.removeFirst();
            switch (a) {
                case "--data-dir" -> dataDir = value(a, rest);
                case "--brokers" -> o.brokers = positive(a, value(a, rest));
                case "--base-port" -> o.basePort = port(a, value(a, rest));
                case "--controller-base-port" -> o.controllerBasePort = port(a, value(a, rest));
                case "--topic" -> o.topic = value(a, rest);
                case "--partitions" -> o.partitions = positive(a, value(a, rest));
                case "--timeout" -> o.timeout = Duration.ofSeconds(positive(a, value(a, rest)));
                case "--detach", "-d" -> o.detach = true;
                default -> {
                    if (a.startsWith("--") && !a.equals("--help")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    words.add(a);
                }
            }
        }
        if (!words.isEmpty()) {
            o.subcommand = words.getFirst();
            o.positional.addAll(words.subList(1, words.size()));
        }
        o.dataDir = Path.of(dataDir == null || dataDir.isBlank() ? ".kafka-local/data" : dataDir)
                .toAbsolutePath()
                .normalize();
        boolean needsNode = o.subcommand.endsWith("-broker");
        if (needsNode && o.positional.size() != 1) {
            throw new IllegalArgumentException(o.subcommand + " needs one broker number, e.g. " + o.subcommand + " 2");
        }
        if (!needsNode && !o.positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + o.positional.getFirst());
        }
        return o;
    }

    int nodeId() {
        return positive("broker number", positional.getFirst());
    }

    /** The cluster these options describe; settings left out are the stored layout's, or the defaults. */
    KafkaProcessCluster.Builder clusterBuilder() {
        KafkaProcessCluster.Builder b = KafkaProcessCluster.builder(dataDir).readyTimeout(timeout);
        if (brokers != null) {
            b.brokers(brokers);
        }
        if (basePort != null) {
            b.basePort(basePort);
        }
        if (controllerBasePort != null) {
            b.controllerBasePort(controllerBasePort);
        }
        if (topic != null) {
            b.topic(topic);
        }
        if (partitions != null) {
            b.partitions(partitions);
        }
        return b;
    }

    static String usage(String command) {
        return """
                Usage: %1$s <command> [options]

                A real Apache Kafka cluster as local processes (KRaft), like the seed's docker compose one.

                Commands:
                  start                  format storage on first start, start the brokers, create the topic,
                                         wait until ready; stays in the foreground until Ctrl-C or 'stop'
                  start --detach         the same, then return and leave the brokers running
                  status                 brokers, pids and the topic's leaders and ISR (exit 3 if any is down)
                  stop                   stop all brokers gracefully (data kept)
                  stop-broker N          stop broker N gracefully
                  kill-broker N          kill broker N with SIGKILL (kill -9), a crash drill
                  start-broker N         start broker N again and wait until it is back in sync
                  restart-broker N       stop-broker N, then start-broker N
                  reset                  stop all brokers and delete the data directory
                  help                   this text

                Options (the first start records them in the data directory; later commands reuse them):
                  --brokers N            number of brokers: 3 (default) or 1 for a single broker
                  --base-port P          client port of broker 1, broker N gets P+N-1 (default 9092)
                  --controller-base-port P
                                         controller port of broker 1 (default base port + 1000)
                  --topic T              topic to create (default reserve)
                  --partitions N         its partitions (default 3)
                  --data-dir DIR         where data, configs, logs and pids live
                                         (default $%2$s, else .kafka-local/data)
                  --timeout SECONDS      how long to wait for readiness (default 120)
                  --detach               with start: return once the cluster is ready
                """.formatted(command, DATA_DIR_ENV);
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int positive(String what, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a positive number, got '" + value + "'");
    }

    private static int port(String what, String value) {
        int p = positive(what, value);
        if (p > 65535) {
            throw new IllegalArgumentException(what + " must be a port number, got " + value);
        }
        return p;
    }
}
