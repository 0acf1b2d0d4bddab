package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code reservekit.*} keys, declared for Micronaut's annotation processor, which documents them in
 * {@code META-INF/spring-configuration-metadata.json} so IDEs complete them. The values ReserveKit runs on are bound
 * by the adapter's {@link ReserveKitSettings#bind}, the one binder of every shell (same keys, rules and defaults as
 * the Spring Boot starter's); {@code ConfigurationMetadataTest} keeps the two lists of keys equal. Never injected,
 * so one binder reads them (the text forms it accepts, such as {@code 400d}, are its own).
 */
@ConfigurationProperties("reservekit")
public class ReserveKitConfiguration {

    /** Whether ReserveKit is configured at all (its Kafka clients, beans, health, endpoints). */
    private boolean enabled = true;

    /** The topic events go to and are read from. */
    private String topic = ReserveKitSettings.DEFAULT_TOPIC;

    /** The CloudEvents source naming this application (a URI reference); /reservekit/micronaut by default. */
    private String source;

    /** The bound on one publish: a write not confirmed within it answers 503 (500ms to 5m); 5s by default. */
    private String publishTimeout;

    /** Partitions of the topic when the application creates it. */
    private int partitions = ReserveKitSettings.DEFAULT_PARTITIONS;

    /** How long an embedder's blocking start may replay the topic (5m); the module never waits for the replay. */
    private String replayTimeout;

    /** retention.ms of a topic the application creates (e.g. 400d); unset keeps every event forever. */
    private String retention;

    /** retention.bytes per partition of a topic the application creates; unset: no limit. */
    private Long retentionBytes;

    /** How far this host's clock may be from the brokers' (0 to 30s; 500ms by default). */
    private String clockSkewMargin;

    /**
     * How far ahead a reservation may start ({@code 730d}, two years); a slot further ahead is refused with a 400 naming
     * startsAt.
     */
    private String maxHorizon;

    /**
     * Whether only the principal who placed a reservation (recorded on its placed event) may cancel, confirm or move
     * it; anyone else gets a 403 problem. A reservation placed with no principal stays open to every caller.
     */
    private boolean ownerOnly = false;

    /**
     * The ceiling of the adaptive bound on writes in flight in this instance (200): the bound follows the measured
     * write latency between min-writes-in-flight and this, and a write beyond it is refused at once (503, outcome
     * not-kept, Retry-After 1, nothing published); reads are never refused. 0 turns the bound off.
     */
    private int maxWritesInFlight = ReserveKitSettings.DEFAULT_MAX_WRITES_IN_FLIGHT;

    /** The floor of the adaptive bound on writes in flight (50): it never drops below this. */
    private int minWritesInFlight = ReserveKitSettings.DEFAULT_MIN_WRITES_IN_FLIGHT;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(String publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public String getReplayTimeout() {
        return replayTimeout;
    }

    public void setReplayTimeout(String replayTimeout) {
        this.replayTimeout = replayTimeout;
    }

    public String getRetention() {
        return retention;
    }

    public void setRetention(String retention) {
        this.retention = retention;
    }

    public Long getRetentionBytes() {
        return retentionBytes;
    }

    public void setRetentionBytes(Long retentionBytes) {
        this.retentionBytes = retentionBytes;
    }

    public boolean isOwnerOnly() {
        return ownerOnly;
    }

    public void setOwnerOnly(boolean ownerOnly) {
        this.ownerOnly = ownerOnly;
    }

    public String getMaxHorizon() {
        return maxHorizon;
    }

    public void setMaxHorizon(String maxHorizon) {
        this.maxHorizon = maxHorizon;
    }

    public int getMaxWritesInFlight() {
        return maxWritesInFlight;
    }

    public void setMaxWritesInFlight(int maxWritesInFlight) {
        this.maxWritesInFlight = maxWritesInFlight;
    }

    public int getMinWritesInFlight() {
        return minWritesInFlight;
    }

    public void setMinWritesInFlight(int minWritesInFlight) {
        this.minWritesInFlight = minWritesInFlight;
    }

    public String getClockSkewMargin() {
        return clockSkewMargin;
    }

    public void setClockSkewMargin(String clockSkewMargin) {
        this.clockSkewMargin = clockSkewMargin;
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
        private Map<String, String> producer = new HashMap<>();

        /** Kafka consumer properties of ReserveKit's follower (its one reader of the topic). */
        private Map<String, String> consumer = new HashMap<>();

        public Map<String, String> getProducer() {
            return producer;
        }

        public void setProducer(Map<String, String> producer) {
            this.producer = producer;
        }

        /** Kafka admin client properties of ReserveKit's topic checks. */
        private Map<String, String> admin = new HashMap<>();

        public Map<String, String> getAdmin() {
            return admin;
        }

        public void setAdmin(Map<String, String> admin) {
            this.admin = admin;
        }

        public Map<String, String> getConsumer() {
            return consumer;
        }

        public void setConsumer(Map<String, String> consumer) {
            this.consumer = consumer;
        }
    }

    /** The HTTP API (CONTRACT.md section 3), the page and the documents. */
    @ConfigurationProperties("http")
    public static class Http {

        /** Whether the HTTP API (/reservations), the page and the documents (under the prefix) are served. */
        private boolean enabled = true;

        /** Where the page (prefix/) and the documents are served: a path of its own, never the application's /. */
        private String prefix = "/reservekit";

        /** Whether every error of the application is answered as a ReserveKit problem (application/problem+json). */
        private boolean allErrorsAsProblems = false;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        public boolean isAllErrorsAsProblems() {
            return allErrorsAsProblems;
        }

        public void setAllErrorsAsProblems(boolean allErrorsAsProblems) {
            this.allErrorsAsProblems = allErrorsAsProblems;
        }
    }
}
