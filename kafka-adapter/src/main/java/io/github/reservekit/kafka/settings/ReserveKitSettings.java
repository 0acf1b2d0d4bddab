package io.github.reservekit.kafka.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * ReserveKit's own settings ({@code reservekit.*}), with their defaults in one place: both shells and embedding
 * programs bind them with {@link #bind}. Everything about reaching Kafka (bootstrap servers, client ids,
 * security, client tuning) stays in the framework's own Kafka configuration ({@code spring.kafka.*},
 * {@code kafka.*}) or, for an embedder, in the client properties passed to
 * {@link io.github.reservekit.kafka.ReserveKitKafka}.
 *
 * @param topic the topic events go to and are read from ({@code reservekit.topic}, default {@code reserve})
 * @param source the CloudEvents {@code source} naming this application ({@code reservekit.source})
 * @param publishTimeout the bound on one publish; a write that is not confirmed within it answers 503
 *     ({@code reservekit.publish-timeout}, default 5 s, 500 ms to 5 min)
 * @param partitions the partition count when the app creates the topic ({@code reservekit.partitions}, 3)
 * @param replayTimeout how long start-up may replay the topic before it gives up ({@code reservekit.replay-timeout},
 *     5 min)
 * @param retentionMs {@code retention.ms} of a topic the app creates ({@code reservekit.retention}); -1 (the
 *     default) keeps events forever: the topic is the system of record, so deleting events deletes reservations
 * @param retentionBytes {@code retention.bytes} per partition of such a topic ({@code reservekit.retention-bytes});
 *     -1 (the default): no limit
 * @param clockSkewMargin how far this host's clock may be from the brokers' ({@code reservekit.clock-skew-margin},
 *     500 ms): a writer that saw no decision waits this long past its event's {@code confirmBy} before it reads
 *     the topic to conclude, so a write answers within the publish timeout plus twice this
 * @param maxHorizon how far ahead a reservation may start ({@code reservekit.max-horizon}, default two years: 730
 *     days): a slot further ahead is refused with a 400 naming {@code startsAt}
 * @param ownerOnly whether only the principal who placed a reservation may cancel, confirm or move it
 *     ({@code reservekit.owner-only}, default false); others get a 403 problem, and a reservation placed with no
 *     principal stays open to every caller
 * @param minWritesInFlight the floor of the adaptive bound on writes in flight ({@code reservekit.min-writes-in-flight},
 *     50): the bound never drops below it, however slow Kafka gets; Kafka batches concurrent writes, so a low floor
 *     costs throughput (10 held a 2-core machine to about 100 writes/s under load)
 * @param maxWritesInFlight the ceiling of that bound ({@code reservekit.max-writes-in-flight}, 200): writes beyond
 *     what Kafka currently absorbs, and never more than this many, are in flight at once; the excess is refused at
 *     once (503, {@code outcome: not-kept}, nothing published). 0 turns admission control off (no bound)
 */
public record ReserveKitSettings(
        String topic,
        URI source,
        Duration publishTimeout,
        int partitions,
        Duration replayTimeout,
        long retentionMs,
        long retentionBytes,
        Duration clockSkewMargin,
        Duration maxHorizon,
        boolean ownerOnly,
        int minWritesInFlight,
        int maxWritesInFlight) {

    /** The prefix of every key {@link #bind} reads. */
    public static final String PREFIX = "reservekit.";

    public static final String DEFAULT_TOPIC = "reserve";
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_PARTITIONS = 3;
    public static final Duration DEFAULT_REPLAY_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CLOCK_SKEW_MARGIN = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_HORIZON = Duration.ofDays(730);
    public static final int DEFAULT_MIN_WRITES_IN_FLIGHT = 50;
    public static final int DEFAULT_MAX_WRITES_IN_FLIGHT = 200;
    /** {@code max-writes-in-flight} meaning "no bound": admission control off. */
    public static final int UNBOUNDED_WRITES_IN_FLIGHT = 0;
    /** {@code retention.ms} / {@code retention.bytes} meaning "never delete". */
    public static final long UNLIMITED_RETENTION = -1;

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    /** @throws IllegalArgumentException naming the setting whose value is out of range */
    public ReserveKitSettings {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        Objects.requireNonNull(replayTimeout, "replayTimeout");
        Objects.requireNonNull(clockSkewMargin, "clockSkewMargin");
        Objects.requireNonNull(maxHorizon, "maxHorizon");
        if (maxHorizon.isNegative() || maxHorizon.isZero()) {
            throw new IllegalArgumentException(PREFIX + "max-horizon must be positive, was " + maxHorizon);
        }
        if (maxWritesInFlight < 0 || maxWritesInFlight > 100_000) {
            throw new IllegalArgumentException(
                    PREFIX + "max-writes-in-flight must be 0 (no bound) to 100000, was " + maxWritesInFlight);
        }
        if (minWritesInFlight < 1
                || (maxWritesInFlight != UNBOUNDED_WRITES_IN_FLIGHT && minWritesInFlight > maxWritesInFlight)) {
            throw new IllegalArgumentException(PREFIX + "min-writes-in-flight must be 1 to max-writes-in-flight ("
                    + maxWritesInFlight + "), was " + minWritesInFlight);
        }
        if (clockSkewMargin.isNegative() || clockSkewMargin.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException(PREFIX + "clock-skew-margin must be 0 to 30 s, was " + clockSkewMargin);
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "topic must not be blank");
        }
        if (source.toString().isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "source must be a non-empty URI reference");
        }
        if (publishTimeout.compareTo(Duration.ofMillis(500)) < 0
                || publishTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    PREFIX + "publish-timeout must be 500 ms to 5 min, was " + publishTimeout.toMillis() + " ms");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(PREFIX + "partitions must be at least 1, was " + partitions);
        }
        if (replayTimeout.isNegative() || replayTimeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + "replay-timeout must be positive, was " + replayTimeout);
        }
        if (retentionMs < UNLIMITED_RETENTION || retentionMs == 0) {
            throw new IllegalArgumentException(
                    PREFIX + "retention must be unset (forever) or positive, was " + retentionMs + " ms");
        }
        if (retentionBytes < UNLIMITED_RETENTION || retentionBytes == 0) {
            throw new IllegalArgumentException(
                    PREFIX + "retention-bytes must be unset (no limit) or positive, was " + retentionBytes);
        }
    }

    /** The defaults, with {@code source} naming the application. */
    public static ReserveKitSettings defaults(URI source) {
        return new ReserveKitSettings(
                DEFAULT_TOPIC,
                source,
                DEFAULT_PUBLISH_TIMEOUT,
                DEFAULT_PARTITIONS,
                DEFAULT_REPLAY_TIMEOUT,
                UNLIMITED_RETENTION,
                UNLIMITED_RETENTION,
                DEFAULT_CLOCK_SKEW_MARGIN,
                DEFAULT_MAX_HORIZON,
                false,
                DEFAULT_MIN_WRITES_IN_FLIGHT,
                DEFAULT_MAX_WRITES_IN_FLIGHT);
    }

    /**
     * Binds {@code reservekit.*} from a property lookup (Spring's {@code Environment::getProperty}, Micronaut's,
     * {@code System::getProperty}...): {@code topic}, {@code source}, {@code publish-timeout},
     * {@code partitions}, {@code replay-timeout}, {@code retention}, {@code retention-bytes},
     * {@code clock-skew-margin}, {@code max-horizon}, {@code owner-only} ({@code true} or {@code false}),
     * {@code min-writes-in-flight}, {@code max-writes-in-flight}. Durations are
     * {@code 500ms}, {@code 5s}, {@code 5m}, {@code 2h}, {@code 400d}, a plain number of milliseconds, or ISO-8601
     * ({@code PT5S}). Absent keys take the defaults; {@code source} defaults to {@code defaultSource}.
     *
     * @param property the value of a full key such as {@code reservekit.topic}, or null when unset
     * @throws IllegalArgumentException naming the key whose value cannot be read or is out of range
     */
    public static ReserveKitSettings bind(Function<String, String> property, URI defaultSource) {
        Objects.requireNonNull(property, "property");
        return new ReserveKitSettings(
                text(property, "topic", DEFAULT_TOPIC),
                URI.create(text(property, "source", defaultSource.toString())),
                duration(property, "publish-timeout", DEFAULT_PUBLISH_TIMEOUT),
                (int) number(property, "partitions", DEFAULT_PARTITIONS),
                duration(property, "replay-timeout", DEFAULT_REPLAY_TIMEOUT),
                duration(property, "retention", Duration.ofMillis(UNLIMITED_RETENTION))
                        .toMillis(),
                number(property, "retention-bytes", UNLIMITED_RETENTION),
                duration(property, "clock-skew-margin", DEFAULT_CLOCK_SKEW_MARGIN),
                duration(property, "max-horizon", DEFAULT_MAX_HORIZON),
                bool(property, "owner-only", false),
                (int) number(property, "min-writes-in-flight", DEFAULT_MIN_WRITES_IN_FLIGHT),
                (int) number(property, "max-writes-in-flight", DEFAULT_MAX_WRITES_IN_FLIGHT));
    }

    /** These settings with another topic. */
    public ReserveKitSettings withTopic(String topic) {
        return new ReserveKitSettings(
                topic,
                source,
                publishTimeout,
                partitions,
                replayTimeout,
                retentionMs,
                retentionBytes,
                clockSkewMargin,
                maxHorizon,
                ownerOnly,
                minWritesInFlight,
                maxWritesInFlight);
    }

    /** These settings with owner-only on or off. */
    public ReserveKitSettings withOwnerOnly(boolean ownerOnly) {
        return new ReserveKitSettings(
                topic,
                source,
                publishTimeout,
                partitions,
                replayTimeout,
                retentionMs,
                retentionBytes,
                clockSkewMargin,
                maxHorizon,
                ownerOnly,
                minWritesInFlight,
                maxWritesInFlight);
    }

    /** These settings with another publish timeout. */
    public ReserveKitSettings withPublishTimeout(Duration publishTimeout) {
        return new ReserveKitSettings(
                topic,
                source,
                publishTimeout,
                partitions,
                replayTimeout,
                retentionMs,
                retentionBytes,
                clockSkewMargin,
                maxHorizon,
                ownerOnly,
                minWritesInFlight,
                maxWritesInFlight);
    }

    /** These settings with another partition count for a topic the app creates. */
    public ReserveKitSettings withPartitions(int partitions) {
        return new ReserveKitSettings(
                topic,
                source,
                publishTimeout,
                partitions,
                replayTimeout,
                retentionMs,
                retentionBytes,
                clockSkewMargin,
                maxHorizon,
                ownerOnly,
                minWritesInFlight,
                maxWritesInFlight);
    }

    /** These settings with other retention limits for a topic the app creates (-1: none). */
    public ReserveKitSettings withRetention(long retentionMs, long retentionBytes) {
        return new ReserveKitSettings(
                topic,
                source,
                publishTimeout,
                partitions,
                replayTimeout,
                retentionMs,
                retentionBytes,
                clockSkewMargin,
                maxHorizon,
                ownerOnly,
                minWritesInFlight,
                maxWritesInFlight);
    }

    /** These settings with another adaptive bound on writes in flight ({@code max} 0: no bound). */
    public ReserveKitSettings withWritesInFlight(int min, int max) {
        return new ReserveKitSettings(
                topic,
                source,
                publishTimeout,
                partitions,
                replayTimeout,
                retentionMs,
                retentionBytes,
                clockSkewMargin,
                maxHorizon,
                ownerOnly,
                min,
                max);
    }

    private static String text(Function<String, String> property, String key, String absent) {
        String value = property.apply(PREFIX + key);
        return value == null || value.isBlank() ? absent : value.strip();
    }

    private static boolean bool(Function<String, String> property, String key, boolean absent) {
        String value = text(property, key, null);
        if (value == null) {
            return absent;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(PREFIX + key + " must be true or false, was '" + value + "'");
        };
    }

    private static long number(Function<String, String> property, String key, long absent) {
        String value = text(property, key, null);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(PREFIX + key + " must be a whole number, was '" + value + "'");
        }
    }

    static Duration duration(Function<String, String> property, String key, Duration absent) {
        String value = text(property, key, null);
        if (value == null) {
            return absent;
        }
        var matcher = AMOUNT_AND_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofMillis(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException(
                    PREFIX + key + " must be a duration such as 500ms, 5s, 5m, 400d or" + " PT5S, was '" + value + "'");
        }
    }
}
