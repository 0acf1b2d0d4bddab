package io.github.reservekit.kafka.local;

/** A {@link KafkaBackend} on an {@link EmbeddedKafkaCluster}, in this JVM. */
public final class EmbeddedKafkaBackend implements KafkaBackend {

    private final EmbeddedKafkaCluster cluster;

    private EmbeddedKafkaBackend(EmbeddedKafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts an in-JVM cluster of {@code brokers} brokers (see {@link EmbeddedKafkaCluster#start}). */
    public static EmbeddedKafkaBackend start(int brokers) {
        return new EmbeddedKafkaBackend(EmbeddedKafkaCluster.start(brokers, java.util.Map.of()));
    }

    /** The cluster underneath, to stop a broker or find a leader. */
    public EmbeddedKafkaCluster cluster() {
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
