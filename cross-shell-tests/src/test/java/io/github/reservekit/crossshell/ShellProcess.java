package io.github.reservekit.crossshell;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One shell running as its own process from its packaged jar ({@code java -jar}, as its Dockerfile runs it), on a
 * free port, configured only through the environment variables its documentation names; its output goes to a log
 * file. {@link #close()} stops it (SIGTERM, then SIGKILL after 30 s, children included); a shutdown hook does the
 * same if the test JVM ends first, so no process outlives the test.
 */
final class ShellProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final URI baseUri;
    private final String healthPath;
    private final Thread stopOnExit;

    private ShellProcess(String name, Process process, Path log, URI baseUri, String healthPath) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
        this.healthPath = healthPath;
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code java -jar jar} with {@code environment} plus the port variable set to a free port.
     *
     * @param portVariable the environment variable that sets the HTTP port ({@code SERVER_PORT} for Spring Boot,
     *     {@code MICRONAUT_SERVER_PORT} for Micronaut)
     */
    static ShellProcess start(
            String name,
            Path jar,
            String portVariable,
            String healthPath,
            Map<String, String> environment,
            Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first, e.g. ./mvnw -pl cross-shell-tests -am"
                    + " verify (the reactor packages both apps before this module)");
        }
        int port = freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(portVariable, Integer.toString(port));
            var process = builder.start();
            process.getOutputStream().close();
            return new ShellProcess(name, process, log, URI.create("http://localhost:" + port + "/"), healthPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until the health endpoint answers 200 UP; fails at once, with the log's tail, if the process died. */
    ShellProcess awaitHealthy(Duration timeout) {
        var client = api();
        try {
            await(name + " healthy at " + baseUri + healthPath)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited with " + process.exitValue() + ":\n" + logTail());
                        }
                        var health = client.get(healthPath);
                        return health.status() == 200 && health.body().contains("\"UP\"");
                    });
        } catch (RuntimeException | AssertionError notHealthy) {
            throw new AssertionError(name + " did not become healthy; its log ends with:\n" + logTail(), notHealthy);
        }
        return this;
    }

    String name() {
        return name;
    }

    ApiClient api() {
        return new ApiClient(baseUri);
    }

    String logTail() {
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
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                handles.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            handles.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
