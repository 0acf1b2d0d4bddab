package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.PlacementJson;
import io.github.reservekit.kafkalocal.injvm.DevKafkaBroker;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up never waits for Kafka: up at once with readiness DOWN and writes answering 503, ready once a broker appears. */
class StartWithoutKafkaIT {

    @Test
    void the_app_starts_within_seconds_with_no_broker_and_becomes_ready_when_one_appears(@TempDir Path data)
            throws IOException {
        int port = freePort();
        long started = System.nanoTime();
        try (var app = MicronautTestApps.start("localhost:" + port, Map.of("reservekit.partitions", "1"))) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            var api = app.api();
            assertThat(api.get("/health/readiness").status()).isEqualTo(503);
            var refused = api.postJson("/reservations", dinnerTomorrow());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("outcome").asText()).isEqualTo("not-kept");

            try (var broker = DevKafkaBroker.start(data, port)) {
                assertThat(broker.port()).isEqualTo(port);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> api.get("/health/readiness").status() == 200);
                assertThat(api.postJson("/reservations", dinnerTomorrow()).status())
                        .isEqualTo(201);
            }
        }
    }

    private static String dinnerTomorrow() {
        var tomorrow = Instant.now().plus(Duration.ofDays(1));
        return PlacementJson.placement("table-1", tomorrow, tomorrow.plus(Duration.ofHours(2)))
                .json();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
