package io.github.reservekit.spring;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The benchmark's baseline (bin/benchmark-http): the same shell and core with no Kafka at all, events discarded once
 * "published". Only with {@code reservekit.publisher=in-memory}; never a way to run the service, since nothing is
 * durable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reservekit.publisher", havingValue = "in-memory")
class InMemoryBaselineConfiguration {

    @Bean
    ReservationApplication reservationApplication() {
        return ReservationApplication.builder().publisher(event -> {}).build();
    }

    @Bean
    RecentEvents recentEvents() {
        return new RecentEvents();
    }
}
