package io.github.reservekit.springboot.autoconfigure;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core assembled on a recording publisher (no Kafka), with the live view's events: for the web layer's tests. */
@Configuration(proxyBeanMethods = false)
public class CoreOnARecordingPublisher {

    @Bean
    ReservationApplication reservationApplication() {
        return ReservationApplication.builder()
                .publisher(new RecordingReservationPublisher())
                .build();
    }

    @Bean
    RecentEvents recentEvents() {
        return new RecentEvents();
    }
}
