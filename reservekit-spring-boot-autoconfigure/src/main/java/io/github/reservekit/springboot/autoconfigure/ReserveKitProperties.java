package io.github.reservekit.springboot.autoconfigure;

import io.github.reservekit.http.ContractDocuments;
import io.github.reservekit.kafka.settings.ReserveKitDefaults;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code reservekit.*} keys, declared for Spring Boot's configuration processor, which turns them, with these
 * descriptions and defaults, into {@code META-INF/spring-configuration-metadata.json} so IDEs complete and document
 * them. The defaults are named, not copied: the adapter's {@link ReserveKitDefaults}. The values ReserveKit runs on are
 * bound and checked by the adapter's {@link ReserveKitSettings#bind}, the one binder of every shell (so the keys, text
 * forms, ranges and messages are the same in Micronaut and for embedders); {@code ReserveKitPropertiesTest} checks
 * that this names every key it reads, with its default.
 *
 * @param enabled Whether ReserveKit is configured at all.
 * @param topic The topic events go to and are read from.
 * @param source The CloudEvents source naming this application (a URI reference).
 * @param publishTimeout The bound on one publish: a write not confirmed within it answers 503 (500ms to 5m).
 * @param partitions Partitions of the topic when the application creates it.
 * @param replayTimeout How long an embedder's blocking start may replay the topic; the shells never wait for the
 *     replay.
 * @param retention retention.ms of a topic the application creates; unset keeps every event forever (the topic is the
 *     system of record: events deleted are reservations lost).
 * @param retentionBytes retention.bytes per partition of a topic the application creates; unset: no limit.
 * @param clockSkewMargin How far this host's clock may be from the brokers' (0 to 30s): a writer that saw no decision
 *     waits this long past its event's confirmBy before it reads the topic to conclude.
 * @param maxHorizon How far ahead a reservation may start: a slot further ahead is refused (400 naming startsAt).
 * @param ownerOnly Whether only the principal who placed a reservation (recorded on its placed event) may cancel,
 *     confirm or move it; anyone else gets a 403 problem. A reservation placed with no principal stays open to every
 *     caller.
 * @param maxWritesInFlight The ceiling of the adaptive bound on writes in flight in this instance: the bound follows
 *     the measured write latency between min-writes-in-flight and this, and a write beyond it is refused at once
 *     (503, outcome not-kept, Retry-After 1, nothing published); reads are never refused. 0 turns the bound off.
 * @param minWritesInFlight The floor of the adaptive bound on writes in flight: it never drops below this, however
 *     slow Kafka gets.
 * @param http The HTTP API.
 * @param kafka ReserveKit's own Kafka clients.
 */
// Never registered as a bean: Spring does not bind it, so there is one binder, as in every shell.
@ConfigurationProperties(prefix = "reservekit")
public record ReserveKitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(ReserveKitDefaults.TOPIC) String topic,
        @DefaultValue(DEFAULT_SOURCE) String source,
        @DefaultValue(ReserveKitDefaults.PUBLISH_TIMEOUT) Duration publishTimeout,
        @DefaultValue(ReserveKitDefaults.PARTITIONS) int partitions,
        @DefaultValue(ReserveKitDefaults.REPLAY_TIMEOUT) Duration replayTimeout,
        Duration retention,
        Long retentionBytes,
        @DefaultValue(ReserveKitDefaults.CLOCK_SKEW_MARGIN) Duration clockSkewMargin,
        @DefaultValue(ReserveKitDefaults.MAX_HORIZON) Duration maxHorizon,
        @DefaultValue(ReserveKitDefaults.OWNER_ONLY) boolean ownerOnly,

        @DefaultValue(ReserveKitDefaults.MAX_WRITES_IN_FLIGHT)
        int maxWritesInFlight,

        @DefaultValue(ReserveKitDefaults.MIN_WRITES_IN_FLIGHT)
        int minWritesInFlight,

        @DefaultValue Http http,
        @DefaultValue Kafka kafka) {

    /** The CloudEvents source when {@code reservekit.source} is not set. */
    static final String DEFAULT_SOURCE = "/reservekit/spring-boot";

    /**
     * ReserveKit's own Kafka clients: their connection comes from Spring Boot's (KafkaConnectionDetails, so
     * spring.kafka.bootstrap-servers, a @ServiceConnection or Docker Compose, with spring.kafka.security.*,
     * spring.kafka.ssl.* and spring.kafka.properties.sasl.*), their tuning from here; the app's own
     * spring.kafka.producer.* and consumer.* never reach them.
     *
     * @param producer Kafka producer properties of ReserveKit's publisher, over its defaults (acks=all, idempotent,
     *     timeouts within the publish timeout); one that would break the delivery guarantee stops start-up, naming it.
     * @param consumer Kafka consumer properties of ReserveKit's follower (its one reader of the topic).
     * @param admin Kafka admin client properties of ReserveKit's topic checks.
     */
    public record Kafka(Map<String, String> producer, Map<String, String> consumer, Map<String, String> admin) {}

    /**
     * The HTTP API (CONTRACT.md section 3) in a servlet web application.
     *
     * @param enabled Whether the HTTP API (/reservations), the page and the documents (under the prefix) are served.
     * @param prefix Where the page (prefix/), /openapi.yaml, /asyncapi.yaml and /schemas/* are served, within the
     *     context path: a path of its own, never the application's /.
     * @param allErrorsAsProblems Whether every error of the application, not only of ReserveKit's endpoints, is
     *     answered as a ReserveKit problem (application/problem+json): on for an application that is ReserveKit alone.
     */
    public record Http(
            @DefaultValue("true") boolean enabled,
            @DefaultValue(ContractDocuments.DEFAULT_PREFIX) String prefix,
            @DefaultValue("false") boolean allErrorsAsProblems) {}
}
