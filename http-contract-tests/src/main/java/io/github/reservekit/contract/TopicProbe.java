package io.github.reservekit.contract;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads the topic with a plain {@link KafkaConsumer}, as any consumer of the events would.
 *
 * <p>A shell answers only after its event is acknowledged, so once a response is in, every record it caused is
 * below the partitions' end offsets: {@link #recordsSince} reads exactly up to them and needs no waiting for
 * records that might still come.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    public TopicProbe(String bootstrapServers, String topic) {
        var config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic, DEADLINE).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
    }

    /** The current end of every partition. */
    public Map<TopicPartition, Long> mark() {
        return new HashMap<>(consumer.endOffsets(partitions, DEADLINE));
    }

    /** Every record written after {@code mark} up to the current end, whose key is {@code key}. */
    public List<ConsumerRecord<byte[], byte[]>> recordsSince(Map<TopicPartition, Long> mark, String key) {
        return recordsSince(mark).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    /** Every record written after {@code mark} up to the current end. */
    public List<ConsumerRecord<byte[], byte[]>> recordsSince(Map<TopicPartition, Long> mark) {
        var end = consumer.endOffsets(partitions, DEADLINE);
        mark.forEach(consumer::seek);
        var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        try {
            // In this thread: the consumer is not to be shared, not even with Awaitility's.
            await().atMost(DEADLINE)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        if (reached(end)) {
                            return true;
                        }
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            var partition = new TopicPartition(record.topic(), record.partition());
                            if (record.offset() < end.get(partition)) {
                                records.add(record);
                            }
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException notInTime) {
            throw new AssertionError("could not read the topic up to " + end + " within " + DEADLINE, notInTime);
        }
        return records;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), DEADLINE) >= e.getValue());
    }

    @Override
    public void close() {
        // close(Duration) rather than CloseOptions (Kafka 4.1+), so the suite also runs on kafka-clients 3.9.
        consumer.close(Duration.ofSeconds(5));
    }
}
