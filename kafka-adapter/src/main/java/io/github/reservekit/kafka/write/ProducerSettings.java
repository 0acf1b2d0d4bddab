package io.github.reservekit.kafka.write;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
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
 * How the publisher's producer reaches Kafka and what it promises: the topic, the CloudEvents {@code source}, the bound on
 * one publish, and the user's own Kafka producer properties (bootstrap servers,
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
 * @param topic the topic events go to ({@code reservekit.topic})
 * @param source the CloudEvents {@code source} (a URI reference naming the application; {@code reservekit.source})
 * @param publishTimeout how long one publish may take before it fails (retriable; {@code reservekit.publish-timeout})
 */
public record ProducerSettings(Map<String, Object> kafkaProperties, String topic, URI source, Duration publishTimeout) {

    public static final int DEFAULT_LINGER_MS = 5;
    public static final int DEFAULT_BATCH_SIZE = 64 * 1024;
    /** How often the producer refreshes the topic's metadata, so added partitions are noticed within it: 15 s. */
    public static final int METADATA_MAX_AGE_MS = 15_000;

    /**
     * @throws IllegalArgumentException if a value is out of range ({@link ReserveKitSettings#checkPublishing}) or the
     *     Kafka properties would break the delivery guarantee (the message names each offending property and what
     *     to do)
     * @throws NullPointerException if an argument is null
     */
    public ProducerSettings {
        Objects.requireNonNull(kafkaProperties, "kafkaProperties");
        ReserveKitSettings.checkPublishing(topic, source, publishTimeout);
        kafkaProperties = Map.copyOf(kafkaProperties);
        Object bootstrap = kafkaProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap == null || bootstrap.toString().isBlank()) {
            throw new IllegalArgumentException("Kafka property bootstrap.servers is required");
        }
        checkDurable(merged(kafkaProperties, publishTimeout), publishTimeout, kafkaProperties);
    }

    /**
     * The producer settings for ReserveKit's settings and the user's Kafka producer properties.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static ProducerSettings of(ReserveKitSettings settings, Map<String, ?> kafkaProperties) {
        return new ProducerSettings(
                Map.copyOf(kafkaProperties), settings.topic(), settings.source(), settings.publishTimeout());
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
        return "ProducerSettings[kafkaProperties=" + shown + ", topic=" + topic + ", source=" + source
                + ", publishTimeout=" + publishTimeout + "]";
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
        // The publisher refuses writes once the topic's partition count differs from the one followed (CONTRACT.md
        // section 4.5); it learns the count from the producer's metadata, refreshed this often (Kafka: 5 min).
        config.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
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
        if (config.get(ProducerConfig.PARTITIONER_CLASS_CONFIG) != null) {
            problems.add("partitioner.class may put a resource's events in different partitions, where readers could"
                    + " order them differently (CONTRACT.md section 4.5); remove it: records are partitioned by their"
                    + " key, the resourceId");
        }
        if (text(config, ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, "false").equalsIgnoreCase("true")) {
            problems.add("partitioner.ignore.keys=true spreads a resource's events over partitions, where readers"
                    + " could order them differently (CONTRACT.md section 4.5); remove it");
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
                            + ReserveKitSettings.PREFIX + "publish-timeout instead");
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
}
