package io.github.reservekit.kafka.local;

/**
 * A running Kafka that tests and tools can talk to, whatever runs it: Kafka's in-JVM test kit
 * ({@link EmbeddedKafkaBackend}) or a Testcontainers {@code apache/kafka} container
 * ({@link TestcontainersKafkaBackend}). {@link KafkaBackends#start()} picks one.
 *
 * <p>{@link #close()} stops it.
 */
public interface KafkaBackend extends AutoCloseable {

    /** Says what runs Kafka, for test output, e.g. {@code in-JVM KafkaClusterTestKit (1 broker)}. */
    String description();

    /** Where clients connect. */
    String bootstrapServers();

    /** How many brokers serve clients. */
    int brokerCount();

    @Override
    void close();
}
