package io.github.reservekit.kafka.settings;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * ReserveKit's own settings ({@code reservekit.*}), each declared once: its key and its range here (one validation,
 * in the constructor), its default in {@link ReserveKitDefaults}. Both shells and embedding programs bind them with
 * {@link #bind}; the shells' configuration classes only document the keys for IDEs, naming those defaults.
 * Everything about reaching Kafka (bootstrap servers, client ids, security, client tuning) stays in the framework's
 * own Kafka configuration ({@code spring.kafka.*}, {@code kafka.*}) or, for an embedder, in the client properties
 * passed to {@link io.github.reservekit.kafka.ReserveKitKafka}.
 *
 * @param topic the topic events go to and are read from ({@code reservekit.topic}, default
 *     {@value ReserveKitDefaults#TOPIC})
 * @param source the CloudEvents {@code source} naming this application ({@code reservekit.source})
 * @param publishTimeout the bound on one publish; a write that is not confirmed within it answers 503
 *     ({@code reservekit.publish-timeout}, default {@value ReserveKitDefaults#PUBLISH_TIMEOUT}, 500 ms to 5 min)
 * @param partitions the partition count when the app creates the topic ({@code reservekit.partitions}, default
 *     {@value ReserveKitDefaults#PARTITIONS})
 * @param replayTimeout how long start-up may replay the topic before it gives up ({@code reservekit.replay-timeout},
 *     default {@value ReserveKitDefaults#REPLAY_TIMEOUT})
 * @param retentionMs {@code retention.ms} of a topic the app creates ({@code reservekit.retention}); -1 (the
 *     default) keeps events forever: the topic is the system of record, so deleting events deletes reservations
 * @param retentionBytes {@code retention.bytes} per partition of such a topic ({@code reservekit.retention-bytes});
 *     -1 (the default): no limit
 * @param clockSkewMargin how far this host's clock may be from the brokers' ({@code reservekit.clock-skew-margin},
 *     default {@value ReserveKitDefaults#CLOCK_SKEW_MARGIN}, 0 to 30 s): a writer that saw no decision waits this
 *     long past its event's {@code confirmBy} before it reads the topic to conclude, so a write answers within the
 *     publish timeout plus twice this
 * @param maxHorizon how far ahead a reservation may start ({@code reservekit.max-horizon}, default
 *     {@value ReserveKitDefaults#MAX_HORIZON}): a slot further ahead is refused with a 400 naming {@code startsAt}
 * @param ownerOnly whether only the principal who placed a reservation may cancel, confirm or move it
 *     ({@code reservekit.owner-only}, default {@value ReserveKitDefaults#OWNER_ONLY}); others get a 403 problem,
 *     and a reservation placed with no principal stays open to every caller
 * @param minWritesInFlight the floor of the adaptive bound on writes in flight ({@code reservekit.min-writes-in-flight},
 *     default {@value ReserveKitDefaults#MIN_WRITES_IN_FLIGHT}): the bound never drops below it, however slow Kafka
 *     gets; Kafka batches concurrent writes, so a low floor costs throughput (10 held a 2-core machine to about 100
 *     writes/s under load)
 * @param maxWritesInFlight the ceiling of that bound ({@code reservekit.max-writes-in-flight}, default
 *     {@value ReserveKitDefaults#MAX_WRITES_IN_FLIGHT}, at most 100000): writes beyond what Kafka currently absorbs,
 *     and never more than this many, are in flight at once; the excess is refused at once (503,
 *     {@code outcome: not-kept}, nothing published). 0 turns admission control off (no bound)
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

    /** {@code max-writes-in-flight} meaning "no bound": admission control off. */
    public static final int UNBOUNDED_WRITES_IN_FLIGHT = 0;
    /** {@code retention.ms} / {@code retention.bytes} meaning "never delete". */
    public static final long UNLIMITED_RETENTION = -1;

    private static final ReserveKitSettings DEFAULTS = bind(key -> null, URI.create("/"));

    public static final String DEFAULT_TOPIC = DEFAULTS.topic();
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = DEFAULTS.publishTimeout();
    public static final int DEFAULT_PARTITIONS = DEFAULTS.partitions();
    public static final Duration DEFAULT_REPLAY_TIMEOUT = DEFAULTS.replayTimeout();
    public static final Duration DEFAULT_CLOCK_SKEW_MARGIN = DEFAULTS.clockSkewMargin();
    public static final Duration DEFAULT_MAX_HORIZON = DEFAULTS.maxHorizon();
    public static final int DEFAULT_MIN_WRITES_IN_FLIGHT = DEFAULTS.minWritesInFlight();
    public static final int DEFAULT_MAX_WRITES_IN_FLIGHT = DEFAULTS.maxWritesInFlight();

    /** @throws IllegalArgumentException naming the setting whose value is out of range */
    public ReserveKitSettings {
        Objects.requireNonNull(replayTimeout, "replayTimeout");
        Objects.requireNonNull(clockSkewMargin, "clockSkewMargin");
        Objects.requireNonNull(maxHorizon, "maxHorizon");
        checkPublishing(topic, source, publishTimeout);
        require(maxHorizon.isPositive(), "max-horizon", "must be positive, was " + maxHorizon);
        require(
                maxWritesInFlight >= 0 && maxWritesInFlight <= 100_000,
                "max-writes-in-flight",
                "must be 0 (no bound) to 100000, was " + maxWritesInFlight);
        require(
                minWritesInFlight >= 1
                        && (maxWritesInFlight == UNBOUNDED_WRITES_IN_FLIGHT || minWritesInFlight <= maxWritesInFlight),
                "min-writes-in-flight",
                "must be 1 to max-writes-in-flight (" + maxWritesInFlight + "), was " + minWritesInFlight);
        require(
                !clockSkewMargin.isNegative() && clockSkewMargin.compareTo(Duration.ofSeconds(30)) <= 0,
                "clock-skew-margin",
                "must be 0 to 30 s, was " + clockSkewMargin);
        require(partitions >= 1, "partitions", "must be at least 1, was " + partitions);
        require(replayTimeout.isPositive(), "replay-timeout", "must be positive, was " + replayTimeout);
        require(
                retentionMs >= UNLIMITED_RETENTION && retentionMs != 0,
                "retention",
                "must be unset (forever) or positive, was " + retentionMs + " ms");
        require(
                retentionBytes >= UNLIMITED_RETENTION && retentionBytes != 0,
                "retention-bytes",
                "must be unset (no limit) or positive, was " + retentionBytes);
    }

    /**
     * The checks of what a publisher needs, the same wherever it is configured ({@code ProducerSettings} too).
     *
     * @throws IllegalArgumentException naming the setting whose value is out of range
     * @throws NullPointerException if an argument is null
     */
    public static void checkPublishing(String topic, URI source, Duration publishTimeout) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        require(!topic.isBlank(), "topic", "must not be blank");
        require(!source.toString().isEmpty(), "source", "must be a non-empty URI reference");
        require(
                publishTimeout.compareTo(Duration.ofMillis(500)) >= 0
                        && publishTimeout.compareTo(Duration.ofMinutes(5)) <= 0,
                "publish-timeout",
                "must be 500 ms to 5 min, was " + publishTimeout.toMillis() + " ms");
    }

    private static void require(boolean valid, String key, String rule) {
        if (!valid) {
            throw new IllegalArgumentException(PREFIX + key + " " + rule);
        }
    }

    /** The defaults, with {@code source} naming the application. */
    public static ReserveKitSettings defaults(URI source) {
        return bind(key -> null, source);
    }

    /**
     * Binds {@code reservekit.*} from a property lookup (Spring's {@code Environment::getProperty}, Micronaut's,
     * {@code System::getProperty}...): {@code topic}, {@code source}, {@code publish-timeout},
     * {@code partitions}, {@code replay-timeout}, {@code retention}, {@code retention-bytes},
     * {@code clock-skew-margin}, {@code max-horizon}, {@code owner-only} ({@code true} or {@code false}),
     * {@code min-writes-in-flight}, {@code max-writes-in-flight}. Durations are
     * {@code 500ms}, {@code 5s}, {@code 5m}, {@code 2h}, {@code 400d}, a plain number of milliseconds, or ISO-8601
     * ({@code PT5S}). Absent keys take the defaults ({@link ReserveKitDefaults}); {@code source} defaults to
     * {@code defaultSource}.
     *
     * @param property the value of a full key such as {@code reservekit.topic}, or null when unset
     * @throws IllegalArgumentException naming the key whose value cannot be read or is out of range
     */
    public static ReserveKitSettings bind(Function<String, String> property, URI defaultSource) {
        var read = new SettingText(property);
        Duration retention = read.duration("retention", null);
        return new ReserveKitSettings(
                read.text("topic", ReserveKitDefaults.TOPIC),
                URI.create(read.text("source", defaultSource.toString())),
                read.duration("publish-timeout", ReserveKitDefaults.PUBLISH_TIMEOUT),
                (int) read.number("partitions", ReserveKitDefaults.PARTITIONS),
                read.duration("replay-timeout", ReserveKitDefaults.REPLAY_TIMEOUT),
                retention == null ? UNLIMITED_RETENTION : retention.toMillis(),
                read.number("retention-bytes", String.valueOf(UNLIMITED_RETENTION)),
                read.duration("clock-skew-margin", ReserveKitDefaults.CLOCK_SKEW_MARGIN),
                read.duration("max-horizon", ReserveKitDefaults.MAX_HORIZON),
                read.bool("owner-only", ReserveKitDefaults.OWNER_ONLY),
                (int) read.number("min-writes-in-flight", ReserveKitDefaults.MIN_WRITES_IN_FLIGHT),
                (int) read.number("max-writes-in-flight", ReserveKitDefaults.MAX_WRITES_IN_FLIGHT));
    }

    /**
     * Every key {@link #bind} reads, such as {@code reservekit.topic}, in its order: what the shells' IDE metadata
     * documents.
     */
    public static Set<String> keys() {
        var read = new LinkedHashSet<String>();
        bind(
                key -> {
                    read.add(key);
                    return null;
                },
                URI.create("/"));
        return read;
    }

    /** These settings with another topic. */
    public ReserveKitSettings withTopic(String topic) {
        return with(fields -> fields.topic = topic);
    }

    /** These settings with owner-only on or off. */
    public ReserveKitSettings withOwnerOnly(boolean ownerOnly) {
        return with(fields -> fields.ownerOnly = ownerOnly);
    }

    /** These settings with another publish timeout. */
    public ReserveKitSettings withPublishTimeout(Duration publishTimeout) {
        return with(fields -> fields.publishTimeout = publishTimeout);
    }

    /** These settings with another partition count for a topic the app creates. */
    public ReserveKitSettings withPartitions(int partitions) {
        return with(fields -> fields.partitions = partitions);
    }

    /** These settings with other retention limits for a topic the app creates (-1: none). */
    public ReserveKitSettings withRetention(long retentionMs, long retentionBytes) {
        return with(fields -> {
            fields.retentionMs = retentionMs;
            fields.retentionBytes = retentionBytes;
        });
    }

    /** These settings with another adaptive bound on writes in flight ({@code max} 0: no bound). */
    public ReserveKitSettings withWritesInFlight(int min, int max) {
        return with(fields -> {
            fields.minWritesInFlight = min;
            fields.maxWritesInFlight = max;
        });
    }

    private ReserveKitSettings with(Consumer<Fields> change) {
        var fields = new Fields();
        change.accept(fields);
        return fields.settings();
    }

    /**
     * The components the withers change, as fields starting from these settings' values; the others stay. The
     * constructor checks them all again.
     */
    private final class Fields {
        String topic = topic();
        Duration publishTimeout = publishTimeout();
        int partitions = partitions();
        long retentionMs = retentionMs();
        long retentionBytes = retentionBytes();
        boolean ownerOnly = ownerOnly();
        int minWritesInFlight = minWritesInFlight();
        int maxWritesInFlight = maxWritesInFlight();

        ReserveKitSettings settings() {
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
    }
}
