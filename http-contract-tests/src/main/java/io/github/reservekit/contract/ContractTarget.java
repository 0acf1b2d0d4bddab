package io.github.reservekit.contract;

import java.net.URI;

/**
 * A running shell the HTTP contract suite is pointed at: where it serves, which Kafka it publishes to, and
 * (when the test owns the brokers) how to take Kafka away from it and give it back.
 */
public interface ContractTarget {

    /** Where the shell serves, e.g. {@code http://localhost:8080}. */
    URI baseUri();

    /** The bootstrap servers of the cluster the shell publishes to; the suite reads the topic there. */
    String bootstrapServers();

    /** The topic the shell publishes to; {@code reserve} unless configured otherwise. */
    default String topic() {
        return "reserve";
    }

    /** The shell's health path: {@code /actuator/health} for Spring, {@code /health} for Micronaut. */
    String healthPath();

    /** The shell's Prometheus scrape path: {@code /actuator/prometheus} for Spring, {@code /prometheus} for Micronaut. */
    String metricsPath();

    /**
     * Whether {@link #stopKafka()} and {@link #startKafka()} work here. A suite pointed at a cluster it does
     * not own answers false, and the tests that need a broker outage are skipped, saying so.
     */
    default boolean canStopKafka() {
        return false;
    }

    /** Makes every broker unreachable for the shell (stops them); returns once they are down. */
    default void stopKafka() {
        throw new UnsupportedOperationException("this target cannot stop Kafka");
    }

    /** Brings the brokers back; returns once the shell's health is UP again. */
    default void startKafka() {
        throw new UnsupportedOperationException("this target cannot start Kafka");
    }
}
