package io.github.reservekit.micronaut;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The benchmark's baseline (bin/benchmark-http): the same shell and core with no Kafka at all, events discarded once
 * "published". Only with {@code reservekit.publisher=in-memory} and {@code kafka.enabled=false}; never a way to run
 * the service, since nothing is durable.
 */
@Factory
@Requires(property = InMemoryBaselineFactory.PUBLISHER, value = "in-memory")
@Requires(property = "kafka.enabled", value = "false")
class InMemoryBaselineFactory {

    static final String PUBLISHER = "reservekit.publisher";

    @Singleton
    ReservationApplication reservationApplication() {
        return ReservationApplication.builder().publisher(event -> {}).build();
    }

    @Singleton
    RecentEvents recentEvents() {
        return new RecentEvents();
    }
}
