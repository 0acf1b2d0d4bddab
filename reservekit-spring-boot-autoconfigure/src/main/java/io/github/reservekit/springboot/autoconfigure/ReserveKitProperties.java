package io.github.reservekit.springboot.autoconfigure;

import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code reservekit.*} keys, declared for Spring Boot's configuration processor, which turns them into
 * {@code META-INF/spring-configuration-metadata.json} so IDEs complete and document them. The values ReserveKit
 * runs on are bound by the adapter's {@link ReserveKitSettings#bind}, the one binder of every shell (so the keys,
 * rules and defaults are the same in Micronaut and for embedders); {@code ReserveKitPropertiesTest} keeps the two
 * lists of keys equal. The defaults shown here are {@link ReserveKitSettings}'.
 */
// Never registered as a bean: Spring does not bind it, so there is one binder, as in every shell.
@ConfigurationProperties(prefix = "reservekit")
public class ReserveKitProperties {

    /** Whether ReserveKit is configured at all. */
    private boolean enabled = true;

    /** The topic events go to and are read from. */
    private String topic = "reserve";

    /** The CloudEvents source naming this application (a URI reference); /reservekit/spring-boot by default. */
    private String source;

    /** The bound on one publish: a write not confirmed within it answers 503 (500ms to 5m). */
    private Duration publishTimeout = Duration.ofSeconds(5);

    /** Partitions of the topic when the application creates it. */
    private int partitions = 3;

    /** How long an embedder's blocking start may replay the topic; the shells never wait for the replay. */
    private Duration replayTimeout = Duration.ofMinutes(5);

    /**
     * retention.ms of a topic the application creates; unset keeps every event forever (the topic is the system
     * of record: events deleted are reservations lost).
     */
    private Duration retention;

    /** retention.bytes per partition of a topic the application creates; unset: no limit. */
    private Long retentionBytes;

    /**
     * How far this host's clock may be from the brokers' (0 to 30s): a writer that saw no decision waits this long
     * past its event's confirmBy before it reads the topic to conclude.
     */
    private Duration clockSkewMargin = Duration.ofMillis(500);

    /** How far ahead a reservation may start: a slot further ahead is refused (400 naming startsAt). */
    private Duration maxHorizon = Duration.ofDays(730);

    /**
     * Whether only the principal who placed a reservation (recorded on its placed event) may cancel, confirm or move
     * it; anyone else gets a 403 problem. A reservation placed with no principal stays open to every caller.
     */
    private boolean ownerOnly = false;

    /**
     * The ceiling of the adaptive bound on writes in flight in this instance: the bound follows the measured write
     * latency between min-writes-in-flight and this, and a write beyond it is refused at once (503, outcome
     * not-kept, Retry-After 1, nothing published); reads are never refused. 0 turns the bound off.
     */
    private int maxWritesInFlight = 200;

    /** The floor of the adaptive bound on writes in flight: it never drops below this, however slow Kafka gets. */
    private int minWritesInFlight = 50;

    private final Http http = new Http();

    private final Kafka kafka = new Kafka();

    /**
     * ReserveKit's own Kafka clients: their connection comes from Spring Boot's (KafkaConnectionDetails, so
     * spring.kafka.bootstrap-servers, a @ServiceConnection or Docker Compose, with spring.kafka.security.*,
     * spring.kafka.ssl.* and spring.kafka.properties.sasl.*), their tuning from here; the app's own
     * spring.kafka.producer.* and consumer.* never reach them.
     */
    public static class Kafka {

        /**
         * Kafka producer properties of ReserveKit's publisher, over its defaults (acks=all, idempotent, timeouts
         * within the publish timeout); one that would break the delivery guarantee stops start-up, naming it.
         */
        private final Map<String, String> producer = new HashMap<>();

        /** Kafka consumer properties of ReserveKit's follower (its one reader of the topic). */
        private final Map<String, String> consumer = new HashMap<>();

        /** Kafka admin client properties of ReserveKit's topic checks. */
        private final Map<String, String> admin = new HashMap<>();

        public Map<String, String> getProducer() {
            return producer;
        }

        public Map<String, String> getConsumer() {
            return consumer;
        }

        public Map<String, String> getAdmin() {
            return admin;
        }
    }

    /** The HTTP API (CONTRACT.md section 3) in a servlet web application. */
    public static class Http {

        /** Whether the HTTP API (/reservations), the page and the documents (under the prefix) are served. */
        private boolean enabled = true;

        /**
         * Where the page (prefix/), /openapi.yaml, /asyncapi.yaml and /schemas/* are served, within the context
         * path: a path of its own, never the application's /.
         */
        private String prefix = "/reservekit";

        /**
         * Whether every error of the application, not only of ReserveKit's endpoints, is answered as a ReserveKit
         * problem (application/problem+json): on for an application that is ReserveKit alone.
         */
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

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public Duration getReplayTimeout() {
        return replayTimeout;
    }

    public void setReplayTimeout(Duration replayTimeout) {
        this.replayTimeout = replayTimeout;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
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

    public Duration getMaxHorizon() {
        return maxHorizon;
    }

    public void setMaxHorizon(Duration maxHorizon) {
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

    public Duration getClockSkewMargin() {
        return clockSkewMargin;
    }

    public void setClockSkewMargin(Duration clockSkewMargin) {
        this.clockSkewMargin = clockSkewMargin;
    }

    public Http getHttp() {
        return http;
    }

    public Kafka getKafka() {
        return kafka;
    }
}
