package io.github.reservekit.kafkalocal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The {@code bin/kafka-local} command: start, inspect and stop a {@link KafkaProcessCluster} of separate broker
 * processes, and drill faults on it (stop, kill -9 and restart one broker). Run with {@code help} for usage.
 */
public final class KafkaProcessClusterCommand {

    static final String DATA_DIR_ENV = "KAFKA_LOCAL_DATA_DIR";

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_NOT_RUNNING = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final String command = System.getProperty("kafkalocal.command", "kafka-local");
    private volatile boolean shuttingDown;

    KafkaProcessClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Before anything logs: keep the admin client's INFO chatter off the console.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "io/github/reservekit/kafkalocal/process/cli-log4j2.xml");
        }
        System.exit(new KafkaProcessClusterCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            err.println("Run '" + command + " help' for usage.");
            return EXIT_USAGE;
        }
        try {
            return switch (o.subcommand) {
                case "start" -> start(o);
                case "status" -> status(o);
                case "stop" -> {
                    cluster(o).stop();
                    out.println("Stopped. Data kept in " + o.dataDir + ".");
                    yield 0;
                }
                case "start-broker" -> {
                    cluster(o).startBroker(o.nodeId());
                    out.println("Broker " + o.nodeId() + " is up and in sync.");
                    yield 0;
                }
                case "stop-broker" -> {
                    cluster(o).stopBroker(o.nodeId());
                    out.println("Broker " + o.nodeId() + " stopped.");
                    yield 0;
                }
                case "kill-broker" -> {
                    cluster(o).killBroker(o.nodeId());
                    out.println("Broker " + o.nodeId() + " killed. Its partitions leave the ISR within about 3 s.");
                    yield 0;
                }
                case "restart-broker" -> {
                    cluster(o).restartBroker(o.nodeId());
                    out.println("Broker " + o.nodeId() + " restarted and in sync.");
                    yield 0;
                }
                case "reset" -> {
                    cluster(o).reset();
                    out.println("Deleted " + o.dataDir + ". The next start formats a new cluster.");
                    yield 0;
                }
                case "help", "-h", "--help" -> {
                    out.print(usage());
                    yield 0;
                }
                default -> {
                    err.println(command + ": unknown command '" + o.subcommand + "'");
                    err.print(usage());
                    yield EXIT_USAGE;
                }
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        }
    }

    private KafkaProcessCluster cluster(Options o) {
        KafkaProcessCluster.Builder b =
                KafkaProcessCluster.builder(o.dataDir).readyTimeout(o.timeout).progress(out::println);
        if (o.brokers != null) {
            b.brokers(o.brokers);
        }
        if (o.basePort != null) {
            b.basePort(o.basePort);
        }
        if (o.controllerBasePort != null) {
            b.controllerBasePort(o.controllerBasePort);
        }
        if (o.topic != null) {
            b.topic(o.topic);
        }
        if (o.partitions != null) {
            b.partitions(o.partitions);
        }
        return b.build();
    }

    private int start(Options o) {
        KafkaProcessCluster cluster = cluster(o);
        long began = System.nanoTime();
        Thread stopOnExit = new Thread(
                () -> {
                    shuttingDown = true;
                    if (cluster.status().stream().anyMatch(KafkaProcessCluster.BrokerStatus::running)) {
                        cluster.stop();
                        out.println("Stopped. Data kept in " + cluster.dataDir() + ".");
                    }
                },
                "kafka-local-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        out.println("Starting Kafka " + AppInfoParser.getVersion() + ": "
                + cluster.nodeIds().size() + " broker(s) in " + cluster.dataDir());
        cluster.start();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        printSummary(cluster, took);
        if (o.detach) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            out.println("Running in the background. Stop it with: " + command + " stop");
            return 0;
        }
        out.println("Press Ctrl-C (or type stop and Enter) to stop the cluster.");
        watch(cluster);
        return 0;
    }

    /** Foreground mode: report brokers going down or up until the cluster is stopped. */
    private void watch(KafkaProcessCluster cluster) {
        CountDownLatch stopRequested = new CountDownLatch(1);
        Thread console = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.trim().equalsIgnoreCase("stop")) {
                                stopRequested.countDown();
                                return;
                            }
                        }
                    } catch (IOException e) {
                        // no console: Ctrl-C and `kafka-local stop` still work
                    }
                },
                "kafka-local-console");
        console.setDaemon(true);
        console.start();
        Map<Integer, Boolean> running = new HashMap<>();
        cluster.status().forEach(s -> running.put(s.nodeId(), s.running()));
        try {
            while (!stopRequested.await(1, TimeUnit.SECONDS)) {
                if (shuttingDown) {
                    return;
                }
                boolean any = false;
                for (KafkaProcessCluster.BrokerStatus s : cluster.status()) {
                    any |= s.running();
                    if (!Boolean.valueOf(s.running()).equals(running.put(s.nodeId(), s.running()))) {
                        out.println(
                                "Broker " + s.nodeId() + (s.running() ? " is up (pid " + s.pid() + ")" : " is down"));
                    }
                }
                if (!any) {
                    out.println("All brokers are down: exiting.");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The shutdown hook stops the brokers and says so.
    }

    private void printSummary(KafkaProcessCluster cluster, Duration took) {
        out.printf(
                Locale.ROOT,
                "%nKafka %s is ready in %.1f s: %d broker(s), KRaft (each node broker and controller)%n",
                AppInfoParser.getVersion(),
                took.toMillis() / 1000.0,
                cluster.nodeIds().size());
        out.println("  bootstrap servers  " + cluster.bootstrapServers());
        out.println("  topic              " + cluster.topic() + " (" + cluster.partitions()
                + " partitions, replication factor " + cluster.replicationFactor() + ", min.insync.replicas "
                + cluster.minInsyncReplicas() + ")");
        out.println("  data directory     " + cluster.dataDir() + " (kept across restarts; '" + command
                + " reset' deletes it)");
        out.println(
                "  broker logs        " + cluster.dataDir().resolve("node-N").resolve("logs"));
        out.println("Try: bin/kafka-topics --bootstrap-server localhost:" + cluster.brokerPort(1)
                + " --describe --topic " + cluster.topic());
    }

    private int status(Options o) {
        if (!ClusterLayout.existsIn(o.dataDir)) {
            out.println("No cluster in " + o.dataDir + " (run '" + command + " start').");
            return EXIT_NOT_RUNNING;
        }
        KafkaProcessCluster cluster = cluster(o);
        List<KafkaProcessCluster.BrokerStatus> brokers = cluster.status();
        out.println("Cluster in " + cluster.dataDir() + ", bootstrap servers " + cluster.bootstrapServers());
        for (KafkaProcessCluster.BrokerStatus s : brokers) {
            out.printf(
                    Locale.ROOT,
                    "  broker %d  localhost:%d  %s%n",
                    s.nodeId(),
                    s.port(),
                    s.running() ? "running (pid " + s.pid() + ")" : "stopped");
        }
        boolean all = brokers.stream().allMatch(KafkaProcessCluster.BrokerStatus::running);
        if (brokers.stream().anyMatch(KafkaProcessCluster.BrokerStatus::running)) {
            Optional<TopicDescription> topic = cluster.describeTopic();
            if (topic.isEmpty()) {
                out.println("  topic " + cluster.topic() + ": not found or cluster not reachable");
            } else {
                for (TopicPartitionInfo p : topic.get().partitions()) {
                    out.printf(
                            Locale.ROOT,
                            "  %s-%d  leader %s  replicas %s  isr %s%n",
                            cluster.topic(),
                            p.partition(),
                            p.leader() == null || p.leader().isEmpty()
                                    ? "none"
                                    : p.leader().idString(),
                            ids(p.replicas()),
                            ids(p.isr()));
                }
            }
        }
        return all ? 0 : EXIT_NOT_RUNNING;
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(Node::idString).collect(Collectors.joining(",", "[", "]"));
    }

    String usage() {
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

    /** Parsed command line. */
    static final class Options {
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

        static Options parse(String[] args) {
            Options o = new Options();
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
                throw new IllegalArgumentException(
                        o.subcommand + " needs one broker number, e.g. " + o.subcommand + " 2");
            }
            if (!needsNode && !o.positional.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + o.positional.getFirst());
            }
            return o;
        }

        int nodeId() {
            return positive("broker number", positional.getFirst());
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
}
