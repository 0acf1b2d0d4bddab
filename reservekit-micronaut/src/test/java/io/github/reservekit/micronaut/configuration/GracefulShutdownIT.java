package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.read.FollowerState;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown, which Micronaut leaves off and the module's apps switch on
 * ({@code micronaut.lifecycle.graceful-shutdown.enabled: true} in the application.yml): a request in flight when the
 * application stops is answered before the server and the beans (Kafka's clients) go away.
 */
class GracefulShutdownIT {

    private static final String SLOW = "reservekit.test.slow-endpoint";
    private static final CountDownLatch entered = new CountDownLatch(1);
    private static final CountDownLatch release = new CountDownLatch(1);

    /** A request that stays in flight until the test lets it go, then places a reservation on Kafka. */
    @Controller("/test/slow")
    @Requires(property = SLOW, value = "true")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class SlowEndpoint {
        private final PlaceReservationUseCase place;

        SlowEndpoint(PlaceReservationUseCase place) {
            this.place = place;
        }

        @Get
        String slow() throws InterruptedException {
            entered.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                return "never released";
            }
            return place.place(ReservationFixtures.placeCommand(
                            new ResourceId("graceful-" + UUID.randomUUID()), inTwoDays()))
                    .status()
                    .name();
        }
    }

    private static TimeSlot inTwoDays() {
        var start = Instant.now().plus(Duration.ofDays(2));
        return new TimeSlot(start, start.plus(Duration.ofHours(2)));
    }

    private InJvmKafkaCluster kafka;

    @AfterEach
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void a_request_in_flight_at_shutdown_completes() throws Exception {
        kafka = InJvmKafkaCluster.single();
        var server = MicronautTestApps.startAndAwait(kafka.bootstrapServers(), Map.of(SLOW, "true"));
        int port = server.getPort();
        var inFlight = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(server.getURI().resolve("/test/slow"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS))
                .as("the request reached the handler")
                .isTrue();

        var follower =
                server.getApplicationContext().getBean(ReserveKitKafka.class).follower();
        var stopped = CompletableFuture.runAsync(server.getApplicationContext()::close);
        await("the server takes no new connection once it is stopping")
                .atMost(Duration.ofSeconds(20))
                .until(() -> !accepts(port));
        // Without graceful shutdown the stop closes Kafka's clients once Netty's 2 s quiet period is over, under the
        // request's feet; with it, the stop waits for the request, however long it takes.
        await("the stop keeps Kafka's clients open while the request is in flight")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .until(() -> follower.state() != FollowerState.CLOSED && !stopped.isDone());
        release.countDown();

        var response = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .as("placed on Kafka before its clients closed")
                .isEqualTo("CONFIRMED");
        stopped.get(30, TimeUnit.SECONDS);
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
