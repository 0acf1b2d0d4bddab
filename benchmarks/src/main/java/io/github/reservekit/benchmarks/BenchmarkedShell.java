package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.blackbox.JarProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One shell (spring-app or micronaut-app) under the HTTP benchmark: its packaged jar as a {@link JarProcess}, on
 * Kafka or on the in-memory baseline ({@code reservekit.publisher=in-memory}: the same shell and core, events go
 * nowhere), told its port and Kafka by system properties.
 */
record BenchmarkedShell(JarProcess process, URI baseUri) implements AutoCloseable {

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

    /** Starts the shell's jar ({@code jarOverride} instead, if not null) on {@code port}; its log is in {@code work}. */
    static BenchmarkedShell start(
            Path root,
            Shell shell,
            int port,
            String bootstrapServers,
            boolean inMemory,
            List<String> jvmOptions,
            String jarOverride,
            Path work) {
        var options = new ArrayList<>(jvmOptions);
        options.addAll(shell.properties(port, bootstrapServers, inMemory));
        var process = JarProcess.start(
                shell.displayName() + (inMemory ? "-baseline" : "-kafka"),
                root.resolve(jarOverride == null ? shell.jar : jarOverride),
                options,
                Map.of(),
                work,
                "bin/benchmark-http packages it first",
                Duration.ofSeconds(90));
        return new BenchmarkedShell(process, URI.create("http://127.0.0.1:" + port));
    }

    Path log() {
        return process.log();
    }

    /** CPU time the shell's process has used so far, in nanoseconds (0 where the OS does not say). */
    long cpuNanos() {
        return process.cpuNanos();
    }

    /** The resident set size of the shell's JVM in MB; -1 where there is none. */
    long rssMegabytes() {
        return process.rssMegabytes();
    }

    /**
     * Polls with single POSTs until one answers 201; returns the time from process start to that answer.
     *
     * @throws IllegalStateException when the process dies or no 201 comes within {@code timeout}
     */
    Duration awaitFirst201(HttpPostLoad load, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            process.requireAlive();
            last = load.postOnce();
            if (last == 201) {
                return process.sinceStart();
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

    @Override
    public void close() {
        process.close();
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
