package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.http.ContractDocuments;
import io.github.reservekit.kafka.settings.ReserveKitDefaults;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * The {@code reservekit.*} keys, declared for Micronaut's annotation processor, which documents them, with these
 * descriptions and defaults, in {@code META-INF/spring-configuration-metadata.json} so IDEs complete them. The defaults
 * are named, not copied: the adapter's {@link ReserveKitDefaults}. The values ReserveKit runs on are bound and checked
 * by the adapter's {@link ReserveKitSettings#bind}, the one binder of every shell (same keys, text forms, ranges and
 * messages as the Spring Boot starter's); {@code ConfigurationAndSwitchesIT} checks that this names every key it
 * reads, with its default. Never injected, so one binder reads them: only setters, which the processor documents.
 */
@ConfigurationProperties("reservekit")
public class ReserveKitConfiguration {

    /** Whether ReserveKit is configured at all (its Kafka clients, beans, health, endpoints). */
    private boolean enabled;

    /** The topic events go to and are read from. */
    private String topic;

    /** The CloudEvents source naming this application (a URI reference). */
    private String source;

    /** The bound on one publish: a write not confirmed within it answers 503 (500ms to 5m). */
    private String publishTimeout;

    /** Partitions of the topic when the application creates it. */
    private int partitions;

    /** How long an embedder's blocking start may replay the topic; the module never waits for the replay. */
    private String replayTimeout;

    /** retention.ms of a topic the application creates (e.g. 400d); unset keeps every event forever. */
    private String retention;

    /** retention.bytes per partition of a topic the application creates; unset: no limit. */
    private Long retentionBytes;

    /** How far this host's clock may be from the brokers' (0 to 30s). */
    private String clockSkewMargin;

    /** How far ahead a reservation may start; a slot further ahead is refused with a 400 naming startsAt. */
    private String maxHorizon;

    /**
     * Whether only the principal who placed a reservation (recorded on its placed event) may cancel, confirm or move
     * it; anyone else gets a 403 problem. A reservation placed with no principal stays open to every caller.
     */
    private boolean ownerOnly;

    /**
     * The ceiling of the adaptive bound on writes in flight in this instance: the bound follows the measured write
     * latency between min-writes-in-flight and this, and a write beyond it is refused at once (503, outcome not-kept,
     * Retry-After 1, nothing published); reads are never refused. 0 turns the bound off.
     */
    private int maxWritesInFlight;

    /** The floor of the adaptive bound on writes in flight: it never drops below this. */
    private int minWritesInFlight;

    @Bindable(defaultValue = "true")
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Bindable(defaultValue = ReserveKitDefaults.TOPIC)
    public void setTopic(String topic) {
        this.topic = topic;
    }

    @Bindable(defaultValue = ReserveKitFactory.DEFAULT_SOURCE)
    public void setSource(String source) {
        this.source = source;
    }

    @Bindable(defaultValue = ReserveKitDefaults.PUBLISH_TIMEOUT)
    public void setPublishTimeout(String publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    @Bindable(defaultValue = ReserveKitDefaults.PARTITIONS)
    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    @Bindable(defaultValue = ReserveKitDefaults.REPLAY_TIMEOUT)
    public void setReplayTimeout(String replayTimeout) {
        this.replayTimeout = replayTimeout;
    }

    public void setRetention(String retention) {
        this.retention = retention;
    }

    public void setRetentionBytes(Long retentionBytes) {
        this.retentionBytes = retentionBytes;
    }

    @Bindable(defaultValue = ReserveKitDefaults.CLOCK_SKEW_MARGIN)
    public void setClockSkewMargin(String clockSkewMargin) {
        this.clockSkewMargin = clockSkewMargin;
    }

    @Bindable(defaultValue = ReserveKitDefaults.MAX_HORIZON)
    public void setMaxHorizon(String maxHorizon) {
        this.maxHorizon = maxHorizon;
    }

    @Bindable(defaultValue = ReserveKitDefaults.OWNER_ONLY)
    public void setOwnerOnly(boolean ownerOnly) {
        this.ownerOnly = ownerOnly;
    }

    @Bindable(defaultValue = ReserveKitDefaults.MAX_WRITES_IN_FLIGHT)
    public void setMaxWritesInFlight(int maxWritesInFlight) {
        this.maxWritesInFlight = maxWritesInFlight;
    }

    @Bindable(defaultValue = ReserveKitDefaults.MIN_WRITES_IN_FLIGHT)
    public void setMinWritesInFlight(int minWritesInFlight) {
        this.minWritesInFlight = minWritesInFlight;
    }

    /**
     * ReserveKit's own Kafka clients: connected by micronaut-kafka's kafka.* (bootstrap servers, security), tuned
     * here; the app's own kafka.producers.* and kafka.consumers.* never reach them.
     */
    @ConfigurationProperties("kafka")
    public static class Kafka {

        /**
         * Kafka producer properties of ReserveKit's publisher, over its defaults (acks=all, idempotent, timeouts
         * within the publish timeout); one that would break the delivery guarantee stops start-up, naming it.
         */
        private Map<String, String> producer;

        /** Kafka consumer properties of ReserveKit's follower (its one reader of the topic). */
        private Map<String, String> consumer;

        /** Kafka admin client properties of ReserveKit's topic checks. */
        private Map<String, String> admin;

        public void setProducer(Map<String, String> producer) {
            this.producer = producer;
        }

        public void setConsumer(Map<String, String> consumer) {
            this.consumer = consumer;
        }

        public void setAdmin(Map<String, String> admin) {
            this.admin = admin;
        }
    }

    /** The HTTP API (CONTRACT.md section 3), the page and the documents. */
    @ConfigurationProperties("http")
    public static class Http {

        /** Whether the HTTP API (/reservations), the page and the documents (under the prefix) are served. */
        private boolean enabled;

        /** Where the page (prefix/) and the documents are served: a path of its own, never the application's /. */
        private String prefix;

        /** Whether every error of the application is answered as a ReserveKit problem (application/problem+json). */
        private boolean allErrorsAsProblems;

        @Bindable(defaultValue = "true")
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        @Bindable(defaultValue = ContractDocuments.DEFAULT_PREFIX)
        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        @Bindable(defaultValue = "false")
        public void setAllErrorsAsProblems(boolean allErrorsAsProblems) {
            this.allErrorsAsProblems = allErrorsAsProblems;
        }
    }
}
