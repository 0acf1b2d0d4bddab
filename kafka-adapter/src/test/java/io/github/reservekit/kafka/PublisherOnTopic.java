package io.github.reservekit.kafka;

import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafkalocal.testing.ContainerTestKafka;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The adapter's publisher on a topic it provisioned (3 partitions) on a real broker, for the tests of one class:
 * started before them and closed after them. Register it on a static field with {@code @RegisterExtension}.
 */
final class PublisherOnTopic implements BeforeAllCallback, AfterAllCallback {

    private final String topic;
    private final Function<ExtensionContext, TestKafka> broker;
    private final boolean ownBroker;
    private TestKafka kafka;
    private TopicHealth provisioned;
    private KafkaReservationPublisher publisher;

    private PublisherOnTopic(String topic, Function<ExtensionContext, TestKafka> broker, boolean ownBroker) {
        this.topic = topic;
        this.broker = broker;
        this.ownBroker = ownBroker;
    }

    /** On the run's shared broker ({@link SharedKafka}). */
    static PublisherOnTopic onSharedKafka(String topic) {
        return new PublisherOnTopic(topic, SharedKafka.Extension::kafka, false);
    }

    /** On a broker of its own in a Testcontainers container, whatever the run's choice; stopped after the class. */
    static PublisherOnTopic inAContainer(String topic) {
        return new PublisherOnTopic(
                topic,
                context -> {
                    var container = ContainerTestKafka.start();
                    System.out.println("[kafka-local] Kafka backend: " + container.description() + " at "
                            + container.bootstrapServers());
                    return container;
                },
                true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = broker.apply(context);
        var settings = AdapterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(topic)
                .partitions(3)
                .publishTimeout(Duration.ofSeconds(10))
                .build();
        try (var reserveTopic = settings.createTopic()) {
            provisioned = reserveTopic.ensureExists();
        }
        publisher = settings.createPublisher();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (publisher != null) {
                publisher.close();
            }
        } finally {
            if (ownBroker && kafka != null) {
                kafka.close();
            }
        }
    }

    TestKafka kafka() {
        return kafka;
    }

    String topic() {
        return topic;
    }

    /** What provisioning the topic found or made. */
    TopicHealth provisioned() {
        return provisioned;
    }

    KafkaReservationPublisher publisher() {
        return publisher;
    }
}
