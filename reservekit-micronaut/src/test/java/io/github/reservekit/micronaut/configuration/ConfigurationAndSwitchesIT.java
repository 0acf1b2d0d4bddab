package io.github.reservekit.micronaut.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code reservekit.*} as Micronaut configuration: the metadata IDEs read lists exactly the keys the one binder reads
 * plus the module's switches, with the binder's defaults; {@code reservekit.enabled=false} takes ReserveKit out and leaves the app's own
 * micronaut-kafka; the 16 KiB body limit holds whatever the app's {@code micronaut.server.max-request-size}.
 */
class ConfigurationAndSwitchesIT {

    private static final Set<String> SWITCHES = Set.of(
            "reservekit.enabled",
            "reservekit.http.enabled",
            "reservekit.http.prefix",
            "reservekit.http.all-errors-as-problems",
            "reservekit.kafka.producer",
            "reservekit.kafka.consumer",
            "reservekit.kafka.admin");

    @Test
    void the_metadata_names_every_key_the_binder_reads_and_the_switches_with_the_binders_defaults() throws Exception {
        var documented = new HashSet<String>();
        var unset = ReserveKitSettings.bind(key -> null, ReserveKitFactory.SOURCE);
        for (URL url : Collections.list(
                getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("reservekit.")) {
                        documented.add(name);
                        assertThat(property.path("description").asText())
                                .as(name)
                                .isNotBlank();
                        // A default shown for a key the binder reads is the binder's own: bound, it changes nothing.
                        String shown = property.path("defaultValue").asText(null);
                        if (shown != null && ReserveKitSettings.keys().contains(name)) {
                            assertThat(ReserveKitSettings.bind(Map.of(name, shown)::get, ReserveKitFactory.SOURCE))
                                    .as(name + "=" + shown)
                                    .isEqualTo(unset);
                        }
                    }
                }
            }
        }
        var read = new HashSet<>(ReserveKitSettings.keys());
        read.addAll(SWITCHES);

        assertThat(documented).isEqualTo(read);
    }

    @Test
    void reservekit_enabled_false_takes_reservekit_out_and_leaves_the_apps_own_kafka() {
        try (var context = ApplicationContext.run(
                Map.of("reservekit.enabled", "false", "kafka.bootstrap.servers", "localhost:1"))) {
            assertThat(context.containsBean(ReserveKitKafka.class)).isFalse();
            assertThat(context.containsBean(PlaceReservationUseCase.class)).isFalse();
            assertThat(context.containsBean(AbstractKafkaProducerConfiguration.class))
                    .isTrue();
        }
    }

    @Test
    void a_body_over_16_kib_is_refused_whatever_the_apps_request_size_limit() {
        try (var server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "micronaut.server.max-request-size",
                        1024 * 1024,
                        FakePublisherFactory.ENABLED,
                        "true",
                        "kafka.enabled",
                        false))) {
            var api = new ApiClient(server.getURI());
            String big = "{\"guestName\": \"" + "x".repeat(20 * 1024) + "\"}";

            var refused = api.postJson("/reservations", big);

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        }
    }
}
