package io.github.reservekit.crossshell;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.benchmarks.blackbox.JarProcess;
import io.github.reservekit.contract.ApiClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shell running as its own process from its packaged jar ({@link JarProcess}: {@code java -jar}, as its
 * Dockerfile runs it), on a free port, configured only through the environment variables its documentation names.
 * {@link #close()} stops it (SIGTERM, then SIGKILL after 30 s, children included), as does the end of the test JVM.
 */
record RunningShell(JarProcess process, URI baseUri, String healthPath) implements AutoCloseable {

    /**
     * Starts {@code java -jar jar} with {@code environment} plus the port variable set to a free port.
     *
     * @param portVariable the environment variable that sets the HTTP port ({@code SERVER_PORT} for Spring Boot,
     *     {@code MICRONAUT_SERVER_PORT} for Micronaut)
     */
    static RunningShell start(
            String name,
            Path jar,
            String portVariable,
            String healthPath,
            Map<String, String> environment,
            Path logDir) {
        int port = JarProcess.freePort();
        var withPort = new HashMap<>(environment);
        withPort.put(portVariable, Integer.toString(port));
        var process = JarProcess.start(
                name,
                jar,
                List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"),
                withPort,
                logDir,
                "build it first, e.g. ./mvnw -pl cross-shell-tests -am verify (the reactor packages both apps before"
                        + " this module)",
                Duration.ofSeconds(30));
        return new RunningShell(process, URI.create("http://localhost:" + port + "/"), healthPath);
    }

    /** Waits until the health endpoint answers 200 UP; fails at once, with the log's tail, if the process died. */
    RunningShell awaitHealthy(Duration timeout) {
        var client = api();
        try {
            await(name() + " healthy at " + baseUri + healthPath)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> {
                        process.requireAlive();
                        var health = client.get(healthPath);
                        return health.status() == 200 && health.body().contains("\"UP\"");
                    });
        } catch (RuntimeException | AssertionError notHealthy) {
            throw new AssertionError(
                    name() + " did not become healthy; its log ends with:\n" + process.logTail(), notHealthy);
        }
        return this;
    }

    String name() {
        return process.name();
    }

    ApiClient api() {
        return new ApiClient(baseUri);
    }

    @Override
    public void close() {
        process.close();
    }
}
