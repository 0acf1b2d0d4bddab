package io.github.reservekit.kafka.read;

import io.github.reservekit.kafka.settings.ClientProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The follower's consumer: how it is configured from the user's (or the framework's) Kafka properties. */
public final class ConsumerSettings {

    private ConsumerSettings() {}

    /**
     * The follower's consumer configuration: the given properties that are consumer properties (bootstrap
     * servers, security, a framework's {@code consumer.*} settings), the replay tuning
     * ({@code max.poll.records=5000}, {@code max.partition.fetch.bytes=4 MiB}, {@code receive.buffer.bytes=1 MiB})
     * unless given, and what the follower needs whatever is given: no {@code group.id} (it assigns every partition
     * itself and commits nothing), {@code enable.auto.commit=false}, {@code auto.offset.reset=earliest},
     * {@code isolation.level=read_committed} unless given, {@code allow.auto.create.topics=false}, {@code client.id} = the given one (or
     * {@code reservekit}) + {@code -follower}, byte-array deserializers.
     */
    public static Map<String, Object> consumerProperties(Map<String, ?> kafkaProperties) {
        var config = new LinkedHashMap<String, Object>();
        // Replay throughput: big polls and fetches; a fetch still returns as soon as one record is there, so the
        // tail's latency does not suffer (fetch.min.bytes stays 1).
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        var consumerKeys = ConsumerConfig.configNames();
        kafkaProperties.forEach((key, value) -> {
            if ((consumerKeys.contains(key) || ClientProperties.isPluginObject(value)) && value != null) {
                config.put(key, value);
            }
        });
        Object clientId = kafkaProperties.get(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, (clientId == null ? "reservekit" : clientId) + "-follower");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Asking for a missing topic's partitions must not create it with the broker's defaults (CreateTime, the
        // broker's partition count): the topic check creates it as the fold needs (LogAppendTime, delete policy).
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    /**
     * A consumer of the follower's configuration built from these Kafka properties.
     *
     * @throws IllegalArgumentException if Kafka rejects the configuration
     */
    public static KafkaConsumer<byte[], byte[]> createConsumer(Map<String, ?> kafkaProperties) {
        try {
            return new KafkaConsumer<>(
                    consumerProperties(kafkaProperties), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException invalid) {
            throw new IllegalArgumentException("cannot create the Kafka consumer: " + invalid.getMessage(), invalid);
        }
    }
}
