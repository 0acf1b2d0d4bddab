package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.injvm.DevKafkaBroker;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException.Outcome;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ReservationsUnavailableException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Start-up never waits for Kafka: up at once with readiness REFUSING_TRAFFIC, ready once a broker appears. */
class StartWithoutKafkaIT {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        ApplicationAvailabilityAutoConfiguration.class,
        KafkaAutoConfiguration.class,
        ReserveKitAutoConfiguration.class
    })
    static class App {}

    @Test
    void the_app_starts_within_seconds_with_no_broker_and_becomes_ready_when_one_appears(@TempDir Path data)
            throws IOException {
        int port = freePort();
        long started = System.nanoTime();
        try (var context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.kafka.bootstrap-servers=localhost:" + port,
                        "reservekit.partitions=1",
                        "reservekit.replay-timeout=10m")
                .run()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            var availability = context.getBean(ApplicationAvailability.class);
            var replay = context.getBean("replay", HealthIndicator.class);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            assertThat(replay.health().getStatus()).isEqualTo(Status.DOWN);
            var reservations = context.getBean(ReservationApplication.class);
            long asked = System.nanoTime();
            assertThatThrownBy(() -> reservations.place(dinnerTomorrow()))
                    .isInstanceOfSatisfying(
                            ReservationNotConfirmedException.class,
                            notConfirmed -> assertThat(notConfirmed.outcome()).isEqualTo(Outcome.NOT_KEPT));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
            assertThatThrownBy(() -> reservations.findById(ReservationId.random()))
                    .isInstanceOf(ReservationsUnavailableException.class);

            try (var broker = DevKafkaBroker.start(data, port)) {
                assertThat(broker.port()).isEqualTo(port);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
                assertThat(replay.health().getStatus()).isEqualTo(Status.UP);
                assertThat(context.getBean(ReserveKitKafka.class).follower().isCaughtUp())
                        .isTrue();
                assertThat(reservations.place(dinnerTomorrow()).status()).isEqualTo(ReservationStatus.CONFIRMED);
            }
        }
    }

    private static PlaceReservationCommand dinnerTomorrow() {
        var tomorrow = Instant.now().plus(Duration.ofDays(1));
        return PlaceReservationCommand.of(
                new ResourceId("table-1"),
                new GuestName("Ada"),
                new PartySize(2),
                new TimeSlot(tomorrow, tomorrow.plus(Duration.ofHours(2))));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
