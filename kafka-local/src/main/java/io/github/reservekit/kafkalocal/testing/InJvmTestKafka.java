package io.github.reservekit.kafkalocal.testing;

import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;

/** A {@link TestKafka} on an {@link InJvmKafkaCluster}, in this JVM. */
public final class InJvmTestKafka implements TestKafka {

    private final InJvmKafkaCluster cluster;

    private InJvmTestKafka(InJvmKafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts an in-JVM cluster of {@code brokers} brokers (see {@link InJvmKafkaCluster#start}). */
    public static InJvmTestKafka start(int brokers) {
        return new InJvmTestKafka(InJvmKafkaCluster.start(brokers, java.util.Map.of()));
    }

    /** The cluster underneath, to stop a broker or find a leader. */
    public InJvmKafkaCluster cluster() {
        return cluster;
    }

    @Override
    public String description() {
        int brokers = cluster.brokerCount();
        return "in-JVM KafkaClusterTestKit (" + brokers + (brokers == 1 ? " broker)" : " brokers)");
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public int brokerCount() {
        return cluster.brokerCount();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
