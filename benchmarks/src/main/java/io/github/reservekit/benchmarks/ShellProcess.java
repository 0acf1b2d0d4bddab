package io.github.reservekit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One shell (spring-app or micronaut-app) as its packaged jar, in its own JVM, on Kafka or on the in-memory
 * baseline ({@code reservekit.publisher=in-memory}: the same shell and core, events go nowhere). Its output goes to
 * a log file; {@link #rssMegabytes()} reads the process's resident set from {@code /proc}.
 */
final class ShellProcess implements AutoCloseable {

    /** Which shell, where its packaged jar is and how it is told its port and Kafka. */
    enum Shell {
        SPRING("spring-app/target/spring-app-0.1.0-SNAPSHOT.jar"),
        MICRONAUT("micronaut-app/target/micronaut-app-0.1.0-SNAPSHOT.jar");

        private final String jar;

        Shell(String jar) {
            this.jar = jar;
        }

        static Shell named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "spring", "spring-app" -> SPRING;
                case "micronaut", "micronaut-app" -> MICRONAUT;
                default -> throw new IllegalArgumentException("--shell is spring or micronaut, not " + name);
            };
        }

        String displayName() {
            return this == SPRING ? "spring-app" : "micronaut-app";
        }

        List<String> properties(int port, String bootstrapServers, boolean inMemory) {
            var properties = new ArrayList<String>();
            String servers = bootstrapServers == null ? "127.0.0.1:9" : bootstrapServers; // baseline: no Kafka
            if (this == SPRING) {
                properties.add("-Dserver.port=" + port);
                properties.add("-Dspring.kafka.bootstrap-servers=" + servers);
                if (inMemory) {
                    // The starter's auto-configuration (ReserveKitKafka, its health, the follower) stays off, so
                    // the baseline's own ReservationApplication is the only one; readiness names the Kafka health
                    // indicators, which the baseline does not have.
                    properties.add("-Dreservekit.enabled=false");
                    properties.add("-Dmanagement.endpoint.health.group.readiness.include=readinessState");
                }
            } else {
                properties.add("-Dmicronaut.server.port=" + port);
                properties.add("-Dkafka.bootstrap.servers=" + servers);
                if (inMemory) {
                    properties.add("-Dkafka.enabled=false");
                }
            }
            if (inMemory) {
                properties.add("-Dreservekit.publisher=in-memory");
            }
            return properties;
        }
    }

    private final Process process;
    private final long startedNanos;
    private final URI baseUri;

    private ShellProcess(Process process, long startedNanos, URI baseUri) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.baseUri = baseUri;
    }

    static ShellProcess start(
            Path root,
            Shell shell,
            int port,
            String bootstrapServers,
            boolean inMemory,
            List<String> jvmOptions,
            String jarOverride,
            Path log) {
        Path jar = root.resolve(jarOverride == null ? shell.jar : jarOverride);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: bin/benchmark-http packages it first");
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(shell.properties(port, bootstrapServers, inMemory));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ShellProcess(process, started, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the shell's process has used so far, in nanoseconds (0 where the OS does not say). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Polls with single POSTs until one answers 201; returns the time from process start to that answer.
     *
     * @throws IllegalStateException when the process dies or no 201 comes within {@code timeout}
     */
    Duration awaitFirst201(OpenLoopLoad load, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the shell exited with " + process.exitValue() + "; see its log");
            }
            last = load.postOnce();
            if (last == 201) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            if (last >= 400 && last < 500 && last != 404) {
                // The request itself is refused (a 404 may be the app not routing yet): waiting cannot help.
                throw new IllegalStateException("the shell answers the benchmark's POST with " + last);
            }
            sleep(Duration.ofMillis(20));
        }
        throw new IllegalStateException(
                "no 201 within " + timeout + " (last answer " + last + "); see the shell's log");
    }

    /** The resident set size of the shell's JVM in MB, from {@code /proc/<pid>/status}; -1 where there is none. */
    long rssMegabytes() {
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
