package io.github.reservekit.kafkalocal.process;

import io.github.reservekit.kafkalocal.node.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The broker JVMs ({@code kafka.Kafka}): launched by this one, or found again through their pid files when a
 * previous invocation launched them; stopped gracefully (SIGTERM, then SIGKILL after a minute) or killed.
 */
final class BrokerProcesses {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterDirectory directory;
    private final ClusterLayout layout;
    private final String javaCommand;
    private final String classpath;
    private final String maxHeap;
    private final Consumer<String> progress;
    private final Map<Integer, Process> children = new ConcurrentHashMap<>();

    BrokerProcesses(
            ClusterDirectory directory,
            ClusterLayout layout,
            String javaCommand,
            String classpath,
            String maxHeap,
            Consumer<String> progress) {
        this.directory = directory;
        this.layout = layout;
        this.javaCommand = javaCommand;
        this.classpath = classpath;
        this.maxHeap = maxHeap;
        this.progress = progress;
    }

    /** @throws IllegalStateException when the node's client or controller port is taken */
    void checkPortsFree(int nodeId) {
        for (int port : List.of(layout.brokerPort(nodeId), layout.controllerPort(nodeId))) {
            if (!LoopbackPorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " (node " + nodeId
                        + ") is in use: is another Kafka running (docker compose, another data dir)?"
                        + " Stop it, or choose other ports with --base-port.");
            }
        }
    }

    void launch(int nodeId) {
        Path dir = directory.nodeDir(nodeId).toAbsolutePath();
        Path logs = dir.resolve("logs");
        List<String> command = List.of(
                javaCommand,
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + logs,
                "-Dlog4j2.configurationFile=" + directory.brokerLoggingConfig().toAbsolutePath(),
                "-cp",
                classpath,
                "kafka.Kafka",
                directory.serverProperties(nodeId).toAbsolutePath().toString());
        try {
            Files.createDirectories(logs);
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve("stdout.log").toFile()))
                    .start();
            p.getOutputStream().close();
            children.put(nodeId, p);
            PidFile.write(directory.pidFile(nodeId), p.toHandle());
            progress.accept(
                    "Started broker " + nodeId + " (pid " + p.pid() + ") on localhost:" + layout.brokerPort(nodeId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker " + nodeId, e);
        }
    }

    /** The node's live process, launched by this JVM or by an earlier one. */
    Optional<ProcessHandle> process(int nodeId) {
        Process child = children.get(nodeId);
        if (child != null && child.isAlive()) {
            return Optional.of(child.toHandle());
        }
        return PidFile.read(directory.pidFile(nodeId));
    }

    /** Stops (SIGTERM) or kills (SIGKILL) the nodes that run and waits until they are gone. */
    void terminate(List<Integer> nodeIds, boolean kill) {
        Map<Integer, ProcessHandle> running = new LinkedHashMap<>();
        for (int id : nodeIds) {
            process(id).ifPresent(h -> running.put(id, h));
        }
        running.forEach((id, h) -> {
            progress.accept((kill ? "Killing (SIGKILL) broker " : "Stopping broker ") + id + " (pid " + h.pid() + ")");
            if (kill) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        });
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        running.forEach((id, h) -> {
            if (!awaitExit(h, deadline)) {
                progress.accept("Broker " + id + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s: killing it (SIGKILL)");
                h.destroyForcibly();
                awaitExit(h, Instant.now().plusSeconds(10));
            }
        });
        for (int id : nodeIds) {
            if (process(id).isEmpty()) {
                PidFile.delete(directory.pidFile(id));
                children.remove(id);
            }
        }
    }

    /**
     * @throws IllegalStateException when a broker this JVM launched has exited (the message ends with the last
     *     lines of its log)
     */
    void checkAlive(Set<Integer> nodeIds) {
        for (int id : nodeIds) {
            Process child = children.get(id);
            if (child != null && !child.isAlive()) {
                Path log = directory.logFile(id);
                throw new IllegalStateException("broker " + id + " exited with code " + child.exitValue()
                        + " during startup; see " + log + " and " + log.resolveSibling("stdout.log") + tail(log));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle h, Instant deadline) {
        try {
            h.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
