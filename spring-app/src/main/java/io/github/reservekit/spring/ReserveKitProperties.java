package io.github.reservekit.spring;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ReserveKit's own settings ({@code reservekit.*}). Everything about reaching Kafka (bootstrap servers, client
 * id, security, producer tuning) stays under Spring Boot's {@code spring.kafka.*}.
 *
 * @param topic the topic events go to
 * @param source the CloudEvents {@code source} naming this application
 * @param publishTimeout the bound on one publish; a request fails with 503 after it
 * @param partitions the partition count when the app creates the topic
 * @param replayTimeout how long start-up may replay the topic before it gives up
 * @param retention how long a topic the app creates keeps events; unset: forever (the topic is the system of
 *     record, so deleting events deletes reservations from every later replay)
 * @param retentionBytes the size per partition past which such a topic deletes its oldest events; unset: none
 */
@ConfigurationProperties("reservekit")
public record ReserveKitProperties(
        String topic,
        URI source,
        Duration publishTimeout,
        Integer partitions,
        Duration replayTimeout,
        Duration retention,
        Long retentionBytes) {

    public ReserveKitProperties {
        topic = topic == null ? "reserve" : topic;
        source = source == null ? URI.create("/reservekit/spring-app") : source;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(5) : publishTimeout;
        partitions = partitions == null ? 3 : partitions;
        replayTimeout = replayTimeout == null ? Duration.ofMinutes(5) : replayTimeout;
    }
}
