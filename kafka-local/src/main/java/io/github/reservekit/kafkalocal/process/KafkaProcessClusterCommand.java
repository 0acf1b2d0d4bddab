package io.github.reservekit.kafkalocal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The {@code bin/kafka-local} command: start, inspect and stop a {@link KafkaProcessCluster} of separate broker
 * processes, and drill faults on it (stop, kill -9 and restart one broker). Run with {@code help} for usage.
 */
public final class KafkaProcessClusterCommand {

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_NOT_RUNNING = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final String command = System.getProperty("kafkalocal.command", "kafka-local");
    private final ClusterReport report;
    private volatile boolean shuttingDown;

    KafkaProcessClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.report = new ClusterReport(out, command);
    }

    public static void main(String[] args) {
        // Before anything logs: keep the admin client's INFO chatter off the console.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "io/github/reservekit/kafkalocal/process/cli-log4j2.xml");
        }
        System.exit(new KafkaProcessClusterCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        CommandOptions o;
        try {
            o = CommandOptions.parse(args);
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
                case "start-broker" -> onBroker(o, KafkaProcessCluster::startBroker, " is up and in sync.");
                case "stop-broker" -> onBroker(o, KafkaProcessCluster::stopBroker, " stopped.");
                case "kill-broker" ->
                    onBroker(
                            o,
                            KafkaProcessCluster::killBroker,
                            " killed. Its partitions leave the ISR within about 3 s.");
                case "restart-broker" -> onBroker(o, KafkaProcessCluster::restartBroker, " restarted and in sync.");
                case "reset" -> {
                    cluster(o).reset();
                    out.println("Deleted " + o.dataDir + ". The next start formats a new cluster.");
                    yield 0;
                }
                case "help", "-h", "--help" -> {
                    out.print(CommandOptions.usage(command));
                    yield 0;
                }
                default -> {
                    err.println(command + ": unknown command '" + o.subcommand + "'");
                    err.print(CommandOptions.usage(command));
                    yield EXIT_USAGE;
                }
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        }
    }

    private KafkaProcessCluster cluster(CommandOptions o) {
        return o.clusterBuilder().progress(out::println).build();
    }

    private int onBroker(CommandOptions o, ObjIntConsumer<KafkaProcessCluster> action, String done) {
        action.accept(cluster(o), o.nodeId());
        out.println("Broker " + o.nodeId() + done);
        return 0;
    }

    private int start(CommandOptions o) {
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
        report.ready(cluster, Duration.ofNanos(System.nanoTime() - began));
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

    private int status(CommandOptions o) {
        if (!ClusterLayout.existsIn(o.dataDir)) {
            out.println("No cluster in " + o.dataDir + " (run '" + command + " start').");
            return EXIT_NOT_RUNNING;
        }
        return report.status(cluster(o)) ? 0 : EXIT_NOT_RUNNING;
    }
}
