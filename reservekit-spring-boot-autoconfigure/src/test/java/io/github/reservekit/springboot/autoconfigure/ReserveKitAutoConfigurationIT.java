package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each condition of {@link ReserveKitAutoConfiguration} that builds the core on a real broker. */
@SharedKafka
class ReserveKitAutoConfigurationIT {

    private static String bootstrap;

    @BeforeAll
    static void connect(TestKafka kafka) {
        bootstrap = kafka.bootstrapServers();
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(KafkaAutoConfiguration.class, ReserveKitAutoConfiguration.class))
                .withPropertyValues(
                        "spring.kafka.bootstrap-servers=" + bootstrap,
                        "reservekit.topic=autoconfig-" + UUID.randomUUID(),
                        "reservekit.partitions=1");
    }

    @Test
    void the_core_on_kafka_with_its_follower_health_and_metrics() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(ReserveKitKafka.class);
            assertThat(context).hasSingleBean(ReservationApplication.class);
            assertThat(context).hasSingleBean(PlaceReservationUseCase.class);
            assertThat(context).hasSingleBean(RecentEvents.class);
            assertThat(context).doesNotHaveBean(RecordTracing.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            context.getBean(ReserveKitKafka.class).follower().isCaughtUp());
            assertThat(context.getBean("kafkaPublishing", HealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
            assertThat(context.getBean("replay", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
            assertThat(context.getBean(MeterRegistry.class)
                            .find("reservekit.follower.caught.up")
                            .gauge())
                    .isNotNull();
        });
    }

    @Test
    void kafka_comes_from_the_connection_details_not_from_stale_spring_kafka_settings() {
        KafkaConnectionDetails serviceConnection = () -> List.of(bootstrap);
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(KafkaAutoConfiguration.class, ReserveKitAutoConfiguration.class))
                .withPropertyValues(
                        "spring.kafka.bootstrap-servers=127.0.0.1:1",
                        "reservekit.topic=connection-" + UUID.randomUUID(),
                        "reservekit.partitions=1")
                .withBean(KafkaConnectionDetails.class, () -> serviceConnection)
                .run(context -> {
                    var reserveKit = context.getBean(ReserveKitKafka.class);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> reserveKit.follower().isCaughtUp());
                    var tomorrow = Instant.now().plus(Duration.ofDays(1));
                    var placed = reserveKit
                            .reservations()
                            .place(PlaceReservationCommand.of(
                                    new ResourceId("table-1"),
                                    new GuestName("Ada"),
                                    new PartySize(2),
                                    new TimeSlot(tomorrow, tomorrow.plus(Duration.ofHours(2)))));
                    assertThat(reserveKit.reservations().findById(placed.id()).status())
                            .isEqualTo(ReservationStatus.CONFIRMED);
                });
    }

    @Test
    void without_a_meter_registry_it_runs_unmetered() {
        runner().run(context -> assertThat(context).hasNotFailed().hasSingleBean(ReservationApplication.class));
    }

    @Test
    void with_an_opentelemetry_bean_events_are_traced() {
        runner().withBean(OpenTelemetry.class, OpenTelemetry::noop)
                .run(context -> assertThat(context).hasSingleBean(RecordTracing.class));
    }

    @Test
    void without_opentelemetry_on_the_class_path_nothing_is_traced() {
        runner().withClassLoader(new FilteredClassLoader(OpenTelemetry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RecordTracing.class));
    }

    @Test
    void without_spring_boot_health_there_are_no_indicators_and_the_rest_stays() {
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("kafkaPublishing")
                        .hasSingleBean(ReservationApplication.class));
    }

    @Test
    void the_applications_own_beans_replace_reservekits() {
        var mine = ReservationApplication.builder()
                .publisher(new RecordingReservationPublisher())
                .build();
        HealthIndicator myHealth = () -> Health.outOfService().build();
        runner().withBean(ReservationApplication.class, () -> mine)
                .withBean("kafkaPublishing", HealthIndicator.class, () -> myHealth)
                .run(context -> {
                    assertThat(context.getBean(ReservationApplication.class)).isSameAs(mine);
                    assertThat(context.getBean("kafkaPublishing")).isSameAs(myHealth);
                    assertThat(context).hasBean("replay");
                });
    }

    @Test
    void the_applications_own_reservekit_kafka_is_used_instead() {
        var topic = "mine-" + UUID.randomUUID();
        runner().withBean(ReserveKitKafka.class, () -> {
                    var own = ReserveKitKafka.builder(
                                    ReserveKitSettings.defaults(URI.create("/mine"))
                                            .withTopic(topic)
                                            .withPartitions(1),
                                    Map.of("bootstrap.servers", bootstrap))
                            .build();
                    own.start();
                    return own;
                })
                .run(context -> {
                    assertThat(context).hasSingleBean(ReserveKitKafka.class);
                    assertThat(context).doesNotHaveBean(ReserveKitAutoConfiguration.Producers.class);
                    assertThat(context.getBean(ReserveKitKafka.class).settings().topic())
                            .isEqualTo(topic);
                    assertThat(context.getBean(ReservationApplication.class))
                            .isSameAs(context.getBean(ReserveKitKafka.class).reservations());
                });
    }
}
