package io.github.reservekit.benchmarks;

import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import java.util.Map;

/**
 * The Kafka a benchmark runs on: an existing cluster named by {@code --bootstrap-server}, or else an in-JVM cluster
 * of {@code brokers} brokers started for the run and stopped by {@link #close()}.
 */
final class KafkaForRun implements AutoCloseable {

    private final InJvmKafkaCluster started; // null: an existing cluster
    private final String bootstrapServers;

    private KafkaForRun(InJvmKafkaCluster started, String bootstrapServers) {
        this.started = started;
        this.bootstrapServers = bootstrapServers;
    }

    /** {@code bootstrapServers} when not null, else a fresh in-JVM cluster. */
    static KafkaForRun existingOrInJvm(String bootstrapServers, int brokers) {
        if (bootstrapServers != null) {
            return new KafkaForRun(null, bootstrapServers);
        }
        System.out.printf("Starting an in-JVM Kafka cluster (%d broker(s))...%n", brokers);
        var cluster = brokers == 1 ? InJvmKafkaCluster.single() : InJvmKafkaCluster.start(brokers, Map.of());
        return new KafkaForRun(cluster, cluster.bootstrapServers());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code Kafka at host:port} or {@code in-JVM Kafka, N broker(s)}. */
    String describe(int brokers) {
        return started == null ? "Kafka at " + bootstrapServers : "in-JVM Kafka, " + brokers + " broker(s)";
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
