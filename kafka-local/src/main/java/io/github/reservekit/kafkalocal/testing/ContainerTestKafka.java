package io.github.reservekit.kafkalocal.testing;

import io.github.reservekit.kafkalocal.KafkaVersion;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A {@link TestKafka} on Testcontainers' {@code KafkaContainer} running the {@code apache/kafka} image of
 * the Kafka version this module was built with: one KRaft node. Needs a Docker engine
 * ({@link DockerAvailability#check()}).
 */
public final class ContainerTestKafka implements TestKafka {

    /** The image, of the same Kafka version as the clients and the in-JVM broker. */
    public static final String IMAGE = "apache/kafka:" + KafkaVersion.VERSION;

    private final KafkaContainer container;

    private ContainerTestKafka(KafkaContainer container) {
        this.container = container;
    }

    /**
     * Starts the container and waits until Kafka accepts clients.
     *
     * @throws IllegalStateException if Docker is not available or the container does not start
     */
    public static ContainerTestKafka start() {
        var docker = DockerAvailability.check();
        if (!docker.available()) {
            throw new IllegalStateException("cannot start " + IMAGE + ": " + docker.reason());
        }
        var container = new KafkaContainer(IMAGE);
        try {
            container.start();
            return new ContainerTestKafka(container);
        } catch (RuntimeException failure) {
            container.close();
            throw new IllegalStateException("the " + IMAGE + " container did not start: " + failure, failure);
        }
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE + " (1 broker)";
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public void close() {
        container.close();
    }
}
