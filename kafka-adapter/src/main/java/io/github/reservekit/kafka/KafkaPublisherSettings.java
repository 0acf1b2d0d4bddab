package io.github.reservekit.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How the adapter reaches Kafka and what it promises: the topic, the CloudEvents {@code source}, the bound on
 * one publish, the topic's partition count, and the user's own Kafka client properties (bootstrap servers,
 * security, tuning), which win over the adapter's defaults.
 *
 * <p>The adapter's defaults ({@link #producerProperties()}): {@code acks=all}, {@code enable.idempotence=true},
 * {@code max.in.flight.requests.per.connection=5}, {@code max.block.ms} equal to {@link #publishTimeout()},
 * {@code delivery.timeout.ms} a tenth (at least 100 ms) less, {@code request.timeout.ms} half of it, {@code linger.ms=5},
 * {@code batch.size=65536}. A user property that would break the delivery guarantee is refused with an
 * {@link IllegalArgumentException} when the settings are built: {@code acks} other than {@code all}/{@code -1},
 * idempotence off, {@code retries=0}, more than 5 requests in flight, a {@code transactional.id}, other
 * serializers, or {@code max.block.ms}/{@code delivery.timeout.ms} longer than the publish timeout.
 *
 * <p>Why {@code linger.ms=5} and {@code batch.size=64 KiB}: each publish waits for its acknowledgement, so
 * throughput comes from many callers sharing one producer; 5 ms (Kafka 4's default) lets records of concurrent
 * callers share a batch at a cost of at most 5 ms latency, and 64 KiB (four times Kafka's default) holds
 * about 150 of our ~400-byte events, so a burst is sent in few requests without splitting batches.
 *
 * @param kafkaProperties Kafka client properties as the user gave them ({@code bootstrap.servers} required)
 * @param topic the topic events go to; {@code reserve} by default
 * @param source the CloudEvents {@code source} (a URI reference naming the application); {@code /reservekit}
 * @param publishTimeout how long one publish may take before it fails (retriable); 5 s by default
 * @param partitions the partition count used when the adapter creates the topic; 3 by default
 * @param retentionMs the topic's {@code retention.ms} when the adapter creates it; {@code -1} (keep events
 *     forever) by default, since the topic is the system of record: a deleted event is a reservation lost on
 *     the next replay
 * @param retentionBytes the topic's {@code retention.bytes} (per partition) when the adapter creates it;
 *     {@code -1} (no size limit) by default, for the same reason
 */
public record KafkaPublisherSettings(
        Map<String, Object> kafkaProperties,
        String topic,
        URI source,
        Duration publishTimeout,
        int partitions,
        long retentionMs,
        long retentionBytes) {

    public static final String DEFAULT_TOPIC = "reserve";
    public static final URI DEFAULT_SOURCE = URI.create("/reservekit");
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_PARTITIONS = 3;
    public static final int DEFAULT_LINGER_MS = 5;
    public static final int DEFAULT_BATCH_SIZE = 64 * 1024;
    /** Kafka's value for "no limit" in {@code retention.ms} and {@code retention.bytes}. */
    public static final long UNLIMITED_RETENTION = -1;

    /** Prefix of the adapter's own keys in {@link #from(Map)}; every other key is a Kafka client property. */
    public static final String PREFIX = "reservekit.";

    /**
     * @throws IllegalArgumentException if a value is out of range or the Kafka properties would break the
     *     delivery guarantee (the message names each offending property and what to do)
     * @throws NullPointerException if an argument is null
     */
    public KafkaPublisherSettings {
        Objects.requireNonNull(kafkaProperties, "kafkaProperties");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (source.toString().isEmpty()) {
            throw new IllegalArgumentException("source must be a non-empty URI reference");
        }
        if (publishTimeout.compareTo(Duration.ofMillis(500)) < 0
                || publishTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("publishTimeout must be 500 ms to 5 min, was " + publishTimeout);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (retentionMs < UNLIMITED_RETENTION || retentionMs == 0) {
            throw new IllegalArgumentException("retentionMs must be -1 (forever) or positive, was " + retentionMs);
        }
        if (retentionBytes < UNLIMITED_RETENTION || retentionBytes == 0) {
            throw new IllegalArgumentException(
                    "retentionBytes must be -1 (no limit) or positive, was " + retentionBytes);
        }
        Object bootstrap = kafkaProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap == null || bootstrap.toString().isBlank()) {
            throw new IllegalArgumentException("Kafka property bootstrap.servers is required");
        }
        checkDurable(merged(kafkaProperties, publishTimeout), publishTimeout, kafkaProperties);
    }

    /** Settings keeping the topic's events forever ({@code retention.ms} and {@code retention.bytes} -1). */
    public KafkaPublisherSettings(
            Map<String, Object> kafkaProperties, String topic, URI source, Duration publishTimeout, int partitions) {
        this(kafkaProperties, topic, source, publishTimeout, partitions, UNLIMITED_RETENTION, UNLIMITED_RETENTION);
    }

    /** Settings with every default and these bootstrap servers. */
    public static KafkaPublisherSettings of(String bootstrapServers) {
        return builder().bootstrapServers(bootstrapServers).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from flat properties, as a shell reads them from its configuration: keys starting with
     * {@value #PREFIX} are the adapter's ({@code reservekit.topic}, {@code reservekit.source},
     * {@code reservekit.publish-timeout-ms}, {@code reservekit.partitions}, {@code reservekit.retention-ms},
     * {@code reservekit.retention-bytes}); every other key is a Kafka client property.
     *
     * @throws IllegalArgumentException as the constructor, or for an unknown {@value #PREFIX} key
     */
    public static KafkaPublisherSettings from(Map<String, ?> properties) {
        var builder = builder();
        properties.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                builder.property(key, value);
                return;
            }
            String text = String.valueOf(value).strip();
            switch (key.substring(PREFIX.length())) {
                case "topic" -> builder.topic(text);
                case "source" -> builder.source(URI.create(text));
                case "publish-timeout-ms" -> builder.publishTimeout(Duration.ofMillis(parseLong(key, text)));
                case "partitions" -> builder.partitions((int) parseLong(key, text));
                case "retention-ms" -> builder.retentionMs(parseLong(key, text));
                case "retention-bytes" -> builder.retentionBytes(parseLong(key, text));
                default ->
                    throw new IllegalArgumentException("unknown setting " + key + "; known: " + PREFIX + "topic, "
                            + PREFIX + "source, " + PREFIX + "publish-timeout-ms, " + PREFIX + "partitions, "
                            + PREFIX + "retention-ms, " + PREFIX + "retention-bytes");
            }
        });
        return builder.build();
    }

    /** These settings with another topic; for a second topic on the same cluster (tests, benchmarks). */
    public KafkaPublisherSettings withTopic(String topic) {
        return new KafkaPublisherSettings(
                kafkaProperties, topic, source, publishTimeout, partitions, retentionMs, retentionBytes);
    }

    /** The bootstrap servers. */
    public String bootstrapServers() {
        return kafkaProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /**
     * The complete producer configuration the adapter's own producer is built with: the adapter's defaults,
     * then the user's properties, then the serializers the wire format needs.
     */
    public Map<String, Object> producerProperties() {
        return merged(kafkaProperties, publishTimeout);
    }

    /**
     * Checks a producer configuration a framework built (for a producer passed to
     * {@link KafkaReservationPublisher#using}): a missing {@code acks} or {@code enable.idempotence} means
     * Kafka's defaults since 3.0, {@code all} and {@code true}.
     *
     * @throws IllegalArgumentException naming each property that would break the delivery guarantee
     */
    public static void requireDurable(Map<String, ?> producerConfig) {
        checkDurable(producerConfig, null, Map.of());
    }

    /** Like the record's, but with secrets (passwords, JAAS configs, keys, tokens) replaced by {@code [hidden]}. */
    @Override
    public String toString() {
        var shown = new java.util.TreeMap<String, Object>();
        kafkaProperties.forEach((key, value) -> shown.put(key, isSecret(key) ? "[hidden]" : value));
        return "KafkaPublisherSettings[kafkaProperties=" + shown + ", topic=" + topic + ", source=" + source
                + ", publishTimeout=" + publishTimeout + ", partitions=" + partitions + ", retentionMs=" + retentionMs
                + ", retentionBytes=" + retentionBytes + "]";
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password")
                || lower.contains("secret")
                || lower.contains("jaas")
                || lower.contains("token")
                || lower.contains("credential")
                || lower.endsWith(".key");
    }

    private static Map<String, Object> merged(Map<String, Object> user, Duration publishTimeout) {
        long bound = publishTimeout.toMillis();
        var config = new LinkedHashMap<String, Object>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_BATCH_SIZE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, bound);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) defaultDeliveryTimeout(bound));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(100, bound / 2));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "reservekit-publisher");
        config.putAll(user);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return Map.copyOf(config);
    }

    /**
     * Slightly under the bound: Kafka reports every send's outcome within {@code delivery.timeout.ms} after
     * {@code send} returns, so when {@code send} returned within the margin the publisher can wait for that
     * outcome without a timer of its own (much cheaper for thousands of waiting virtual threads).
     */
    private static long defaultDeliveryTimeout(long bound) {
        return bound - Math.max(100, bound / 10);
    }

    /** The producer's {@code delivery.timeout.ms}: after {@code send} returns, its outcome is known within it. */
    Duration deliveryTimeout() {
        return Duration.ofMillis(number(producerProperties(), ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
    }

    private static void checkDurable(Map<String, ?> config, Duration publishTimeout, Map<String, ?> user) {
        List<String> problems = new ArrayList<>();
        String acks = text(config, ProducerConfig.ACKS_CONFIG, "all").toLowerCase(Locale.ROOT);
        if (!acks.equals("all") && !acks.equals("-1")) {
            problems.add("acks=" + acks + " confirms a reservation before every in-sync replica has its event;"
                    + " use acks=all");
        }
        if (!text(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true").equalsIgnoreCase("true")) {
            problems.add("enable.idempotence=false lets a retried send write an event twice or out of order;"
                    + " leave it true");
        }
        if (number(config, ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE) < 1) {
            problems.add("retries=0 turns every leader change into a failed reservation; remove it");
        }
        long inFlight = number(config, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        if (inFlight > 5) {
            problems.add(
                    "max.in.flight.requests.per.connection=" + inFlight + " breaks idempotent ordering; use at most 5");
        }
        if (config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null) {
            problems.add("transactional.id is not supported by the publisher; remove it");
        }
        if (publishTimeout != null) {
            for (String key :
                    List.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
                Object value = user.get(key);
                String wanted =
                        key.startsWith("key") ? StringSerializer.class.getName() : ByteArraySerializer.class.getName();
                if (value != null && !wanted.equals(value instanceof Class<?> c ? c.getName() : value.toString())) {
                    problems.add(key + " is set by the adapter (the wire format); remove it");
                }
            }
            long bound = publishTimeout.toMillis();
            for (String key : List.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)) {
                long value = number(config, key, bound);
                if (value > bound) {
                    problems.add(key + "=" + value + " exceeds the publish timeout of " + bound
                            + " ms, so a publish could outlive its bound; raise "
                            + PREFIX + "publish-timeout-ms instead");
                }
            }
            long delivery = number(config, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, bound);
            long linger = number(config, ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
            long request = number(config, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, bound / 2);
            if (delivery < linger + request) {
                problems.add("delivery.timeout.ms=" + delivery + " must be at least linger.ms + request.timeout.ms ("
                        + (linger + request) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Kafka producer configuration refused, it would break the delivery guarantee: "
                            + String.join("; ", problems));
        }
    }

    private static String text(Map<String, ?> config, String key, String absent) {
        Object value = config.get(key);
        return value == null ? absent : value.toString().strip();
    }

    private static long number(Map<String, ?> config, String key, long absent) {
        Object value = config.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return parseLong(key, value.toString().strip());
    }

    private static long parseLong(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + text + "'");
        }
    }

    /** Builds settings; every field starts at its default. Not thread-safe. */
    public static final class Builder {

        private final Map<String, Object> kafkaProperties = new LinkedHashMap<>();
        private String topic = DEFAULT_TOPIC;
        private URI source = DEFAULT_SOURCE;
        private Duration publishTimeout = DEFAULT_PUBLISH_TIMEOUT;
        private int partitions = DEFAULT_PARTITIONS;
        private long retentionMs = UNLIMITED_RETENTION;
        private long retentionBytes = UNLIMITED_RETENTION;

        private Builder() {}

        public Builder bootstrapServers(String bootstrapServers) {
            return property(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }

        /** A Kafka client property (security, tuning...); it wins over the adapter's default. */
        public Builder property(String key, Object value) {
            kafkaProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder source(URI source) {
            this.source = source;
            return this;
        }

        public Builder publishTimeout(Duration publishTimeout) {
            this.publishTimeout = publishTimeout;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** {@code retention.ms} of a topic the adapter creates; -1 (forever, the default) or positive. */
        public Builder retentionMs(long retentionMs) {
            this.retentionMs = retentionMs;
            return this;
        }

        /** {@code retention.bytes} of a topic the adapter creates; -1 (no limit, the default) or positive. */
        public Builder retentionBytes(long retentionBytes) {
            this.retentionBytes = retentionBytes;
            return this;
        }

        /** @throws IllegalArgumentException as {@link KafkaPublisherSettings}'s constructor */
        public KafkaPublisherSettings build() {
            return new KafkaPublisherSettings(
                    kafkaProperties, topic, source, publishTimeout, partitions, retentionMs, retentionBytes);
        }
    }
}
