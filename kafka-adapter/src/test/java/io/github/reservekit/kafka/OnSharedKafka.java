package io.github.reservekit.kafka;

import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test on the run's shared broker ({@link SharedKafka}) with topics of its own: the broker, a topic name no other
 * test uses, and everything the test opened, closed after it in reverse order (followers before publishers). Register
 * it on an instance field with {@code @RegisterExtension}.
 */
final class OnSharedKafka implements BeforeEachCallback, AfterEachCallback {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final String topicPrefix;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private TestKafka kafka;

    OnSharedKafka(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        kafka = SharedKafka.Extension.kafka(context);
    }

    /** Where clients connect. */
    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A new topic name, unique in the run; creating the topic is the test's part. */
    String newTopicName() {
        return topicPrefix + "-" + TOPICS.incrementAndGet() + "-" + System.nanoTime();
    }

    /** Keeps {@code closeable} to close after the test; returns it. */
    <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
