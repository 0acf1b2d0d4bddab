package io.github.reservekit.benchmarks.blackbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged jar run as its own process ({@code java [options] -jar jar}, as a Dockerfile runs it) with this JVM's
 * {@code java}; its output goes to a log file. {@link #close()} stops it (SIGTERM to it and its children, SIGKILL
 * after the stop timeout); a shutdown hook does the same if this JVM ends first, so the process does not outlive its
 * test or benchmark.
 */
public final class JarProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path log;
    private final Duration stopTimeout;
    private final Thread stopOnExit;

    private JarProcess(String name, Process process, long startedNanos, Path log, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
        this.stopTimeout = stopTimeout;
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code java jvmOptions -jar jar} with {@code environment} added to this JVM's.
     *
     * @param name names the process in messages and its log file ({@code name.log} in {@code logDir})
     * @param jvmOptions options before {@code -jar}, system properties ({@code -Dkey=value}) included
     * @param whenMissing what to do when the jar is missing, for the message that says so
     * @param stopTimeout how long {@link #close()} waits after SIGTERM before SIGKILL
     * @throws IllegalStateException when the jar is missing
     */
    public static JarProcess start(
            String name,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> environment,
            Path logDir,
            String whenMissing,
            Duration stopTimeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: " + whenMissing);
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            var process = builder.start();
            process.getOutputStream().close();
            return new JarProcess(name, process, started, log, stopTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** A TCP port on the loopback interface that was free a moment ago. */
    public static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The time since the process was started. */
    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Returns normally while the process runs.
     *
     * @throws IllegalStateException when it has exited: its exit code and the tail of its log
     */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
        }
    }

    /** CPU time the process has used so far, in nanoseconds (0 where the OS does not say). */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The process's resident set size in MB, from {@code /proc/<pid>/status}; -1 where there is none. */
    public long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** The last 40 lines of the process's log. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(" + log + " unreadable: " + unreadable + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it stops the process itself
        }
    }

    private void stop() {
        var handles = new ArrayList<ProcessHandle>();
        process.descendants().forEach(handles::add);
        handles.add(process.toHandle());
        handles.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                handles.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            handles.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
