package io.github.reservekit.kafkalocal.testing;

import java.util.Locale;

/**
 * Starts the {@link TestKafka} the environment calls for, and says which on standard output.
 *
 * <p>The system property (or environment variable {@code RESERVEKIT_KAFKA_BACKEND}) {@value TestKafka#BACKEND_PROPERTY} picks:
 * {@code auto} (the default: Testcontainers when Docker is available, else the in-JVM test kit),
 * {@code embedded} or {@code testcontainers}. Testcontainers runs one node, so a request for more than one
 * broker always runs in the JVM.
 */
final class TestKafkaChoice {

    /** The system property that picks the backend. */
    static final String PROPERTY = TestKafka.BACKEND_PROPERTY;

    private TestKafkaChoice() {}

    /** Starts a one-broker backend. */
    static TestKafka start() {
        return start(1);
    }

    /**
     * Starts a backend with {@code brokers} brokers and prints which one ran.
     *
     * @throws IllegalStateException if the chosen backend cannot start (e.g. {@code testcontainers} forced
     *     without Docker)
     */
    static TestKafka start(int brokers) {
        String choice = choice();
        TestKafka backend;
        String why;
        switch (choice) {
            case "embedded" -> {
                backend = InJvmTestKafka.start(brokers);
                why = PROPERTY + "=embedded";
            }
            case "testcontainers" -> {
                requireOneBroker(brokers);
                backend = ContainerTestKafka.start();
                why = PROPERTY + "=testcontainers";
            }
            case "auto" -> {
                var docker = DockerAvailability.check();
                if (docker.available() && brokers == 1) {
                    backend = ContainerTestKafka.start();
                    why = "Docker available";
                } else {
                    backend = InJvmTestKafka.start(brokers);
                    why = brokers == 1 ? "Docker not available: " + docker.reason() : "needs " + brokers + " brokers";
                }
            }
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be auto, embedded or testcontainers, was '" + choice + "'");
        }
        System.out.println("[kafka-local] Kafka backend: " + backend.description() + " at " + backend.bootstrapServers()
                + " (" + why + ")");
        return backend;
    }

    private static String choice() {
        String value = System.getProperty(PROPERTY, System.getenv("RESERVEKIT_KAFKA_BACKEND"));
        return value == null || value.isBlank() ? "auto" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireOneBroker(int brokers) {
        if (brokers != 1) {
            throw new IllegalArgumentException("the Testcontainers backend runs 1 broker, not " + brokers);
        }
    }
}
