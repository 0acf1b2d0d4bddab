package io.github.reservekit.kafka.settings;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * ReserveKit's own tuning of its Kafka clients ({@code reservekit.kafka.producer.*}, {@code consumer.*},
 * {@code admin.*}) as both shells read it: over the connection they take from their framework, whose security keys
 * ({@code security.*}, {@code sasl.*}, {@code ssl.*}) every client shares.
 */
public final class ClientTuning {

    /** The prefix of ReserveKit's own client tuning. */
    public static final String PREFIX = "reservekit.kafka.";

    /** ReserveKit's Kafka clients, as named under {@link #PREFIX}: its publisher's, its follower's, its topic's. */
    public static final List<String> CLIENTS = List.of("producer", "consumer", "admin");

    private static final List<String> SECURITY_PREFIXES = List.of("security.", "sasl.", "ssl.");

    private ClientTuning() {}

    /** Whether a Kafka property belongs to the connection's security, which every client takes from the framework. */
    public static boolean isSecurityKey(String key) {
        return SECURITY_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * Builds, and names in a refusal of a setting that would break a guarantee the {@code reservekit.kafka.*} keys it
     * came from (ReserveKit's Kafka settings reservekit.kafka.producer.acks refused: ...).
     *
     * @param tuning each client's own properties, by its name in {@link #CLIENTS}
     * @throws IllegalArgumentException the refusal, wrapped to name those keys when its message names any of them
     */
    public static <T> T namingRefusedKeys(Supplier<T> build, Map<String, ? extends Map<String, ?>> tuning) {
        try {
            return build.get();
        } catch (IllegalArgumentException refused) {
            var keys = new TreeSet<String>();
            tuning.forEach((client, properties) -> {
                for (String key : properties.keySet()) {
                    if (refused.getMessage() != null && refused.getMessage().contains(key)) {
                        keys.add(PREFIX + client + "." + key);
                    }
                }
            });
            if (keys.isEmpty()) {
                throw refused;
            }
            throw new IllegalArgumentException(
                    "ReserveKit's Kafka settings " + String.join(", ", keys) + " refused: " + refused.getMessage(),
                    refused);
        }
    }
}
