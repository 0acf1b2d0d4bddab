package io.github.reservekit.contract;

/** How a test starts its shell's app on a Kafka cluster: Spring's or Micronaut's start-up, with the test's settings. */
@FunctionalInterface
public interface ShellStarter {

    /** Starts the app publishing to {@code bootstrapServers}; returns once it serves HTTP (it may still replay). */
    RunningApp start(String bootstrapServers);
}
