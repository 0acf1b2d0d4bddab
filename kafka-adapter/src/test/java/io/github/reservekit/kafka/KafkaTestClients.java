package io.github.reservekit.kafka;

import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.read.Decoded;
import io.github.reservekit.kafka.read.ReservationRecordDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Plain Kafka clients, as any other Kafka tool would use them: reading back what the adapter wrote, and writing what
 * other programs could.
 */
final class KafkaTestClients {

    private KafkaTestClients() {}

    /**
     * Writes {@code records} as another program would, with a plain producer: returns once each one is acknowledged by
     * every in-sync replica.
     */
    @SafeVarargs
    static void produce(String bootstrapServers, ProducerRecord<String, byte[]>... records) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (var record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException failed) {
            throw new AssertionError("could not write to " + records[0].topic(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted writing to " + records[0].topic(), interrupted);
        }
    }

    /** A consumer without a group (assign + seek), reading committed records only. */
    static <V> KafkaConsumer<String, V> consumer(String bootstrapServers, Deserializer<V> values) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000),
                new StringDeserializer(),
                values);
    }

    /**
     * Every record of the topic from the beginning whose key passes {@code keys}, polling until
     * {@code expectedCount} arrived and then a little longer (to catch extras), or until the deadline.
     */
    static <V> List<ConsumerRecord<String, V>> readAll(
            String bootstrapServers,
            String topic,
            Deserializer<V> values,
            Predicate<String> keys,
            int expectedCount,
            Duration deadline) {
        var found = new ArrayList<ConsumerRecord<String, V>>();
        try (var consumer = consumer(bootstrapServers, values)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var endOffsets = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            try {
                // In this thread: the consumer is not to be shared, not even with Awaitility's.
                await().atMost(deadline)
                        .pollInSameThread()
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> {
                            for (var record : consumer.poll(Duration.ofMillis(200))) {
                                if (keys.test(record.key())) {
                                    found.add(record);
                                }
                            }
                            boolean caughtUp = partitions.stream()
                                    .allMatch(partition -> consumer.position(partition) >= endOffsets.get(partition));
                            return found.size() >= expectedCount && caughtUp;
                        });
            } catch (ConditionTimeoutException notAllThere) {
                // What was found is the answer: the caller's assertion on it says what is missing.
            }
        }
        return found;
    }

    static List<ConsumerRecord<String, byte[]>> readAll(
            String bootstrapServers, String topic, Predicate<String> keys, int expectedCount) {
        return readAll(
                bootstrapServers, topic, new ByteArrayDeserializer(), keys, expectedCount, Duration.ofSeconds(30));
    }

    /** The events with one of {@code resources} as key, decoded; fails if a record is not a readable event. */
    static List<io.github.reservekit.reservation.domain.event.ReservationEvent> readEvents(
            String bootstrapServers,
            String topic,
            List<io.github.reservekit.reservation.domain.ResourceId> resources,
            int expectedCount) {
        var keys = new java.util.HashSet<>(resources.stream()
                .map(io.github.reservekit.reservation.domain.ResourceId::value)
                .toList());
        var decoder = new ReservationRecordDecoder();
        return readAll(bootstrapServers, topic, keys::contains, expectedCount).stream()
                .map(decoder::decode)
                .map(decoded -> ((Decoded.Event) decoded).event())
                .toList();
    }
}
