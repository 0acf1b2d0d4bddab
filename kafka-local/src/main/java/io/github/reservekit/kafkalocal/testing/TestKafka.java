package io.github.reservekit.kafkalocal.testing;

/**
 * A running Kafka that tests and tools can talk to, whatever runs it: Kafka's in-JVM test kit
 * ({@link InJvmTestKafka}) or a Testcontainers {@code apache/kafka} container
 * ({@link ContainerTestKafka}). {@link #start()} picks one.
 *
 * <p>{@link #close()} stops it.
 */
public interface TestKafka extends AutoCloseable {

    /** The system property (or environment variable {@code RESERVEKIT_KAFKA_BACKEND}) that picks what runs Kafka. */
    String BACKEND_PROPERTY = "reservekit.kafka.backend";

    /** Starts a one-broker Kafka (see {@link #start(int)}). */
    static TestKafka start() {
        return TestKafkaChoice.start(1);
    }

    /**
     * Starts a Kafka of {@code brokers} brokers, in a container when Docker is available and one broker is asked
     * for, else in this JVM, and prints which one ran. {@value #BACKEND_PROPERTY} = {@code embedded} or
     * {@code testcontainers} forces a choice.
     *
     * @throws IllegalStateException if the chosen way cannot start (e.g. {@code testcontainers} without Docker)
     */
    static TestKafka start(int brokers) {
        return TestKafkaChoice.start(brokers);
    }

    /** Says what runs Kafka, for test output, e.g. {@code in-JVM KafkaClusterTestKit (1 broker)}. */
    String description();

    /** Where clients connect. */
    String bootstrapServers();

    /** How many brokers serve clients. */
    int brokerCount();

    @Override
    void close();
}
