package io.github.reservekit.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * ReserveKit's own settings ({@code reservekit.*}), the same keys as spring-app's. Everything about reaching
 * Kafka (bootstrap servers, client id, security, producer tuning) stays under micronaut-kafka's {@code kafka.*}.
 *
 * @param topic the topic events go to
 * @param source the CloudEvents {@code source} naming this application
 * @param publishTimeout the bound on one publish; a request fails with 503 after it
 * @param partitions the partition count when the app creates the topic
 * @param replayTimeout how long start-up may replay the topic before it gives up
 */
@ConfigurationProperties("reservekit")
public record ReserveKitProperties(
        @Bindable(defaultValue = "reserve") String topic,

        @Bindable(defaultValue = "/reservekit/micronaut-app")
        URI source,

        @Bindable(defaultValue = "5s") Duration publishTimeout,
        @Bindable(defaultValue = "3") int partitions,
        @Bindable(defaultValue = "5m") Duration replayTimeout) {}
