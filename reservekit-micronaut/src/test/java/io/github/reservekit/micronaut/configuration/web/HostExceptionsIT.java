package io.github.reservekit.micronaut.configuration.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.micronaut.configuration.FakePublisherFactory;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An app with endpoints of its own, in the module's default mode ({@code reservekit.http.all-errors-as-problems}
 * not set): a ReserveKit exception its own controller lets through is answered as ReserveKit's problem, to a client
 * that accepts JSON or anything; any other exception stays Micronaut's to answer.
 */
class HostExceptionsIT {

    private static final UUID MISSING = UUID.fromString("00000000-0000-4000-8000-000000000001");

    /** The host's own controller, calling the core as an app does and letting its outcome through. */
    @Controller("/host")
    @Requires(property = "spec.name", value = "HostExceptionsIT")
    static class HostController {
        @Get("/booking")
        String booking() {
            throw new ReservationNotFoundException(new ReservationId(MISSING));
        }

        @Get("/broken")
        String broken() {
            throw new IllegalStateException("the host's own failure");
        }
    }

    private static EmbeddedServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "spec.name",
                        "HostExceptionsIT",
                        "micronaut.server.port",
                        -1,
                        "reservekit.http.all-errors-as-problems",
                        false,
                        FakePublisherFactory.ENABLED,
                        "true",
                        "kafka.enabled",
                        false));
        api = new ApiClient(server.getURI());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_reservekit_outcome_from_the_hosts_controller_is_reservekits_problem() {
        for (var accept : new String[] {"application/json", "*/*", "application/json, application/problem+json"}) {
            var response = api.get("/host/booking", "Accept", accept);

            assertThat(response.status()).as(accept).isEqualTo(404);
            assertThat(response.mediaType()).as(accept).isEqualTo("application/problem+json");
            assertThat(response.json().path("type").asText()).as(accept).startsWith("urn:reservekit:problem:");
            assertThat(response.json().path("instance").asText()).as(accept).isEqualTo("/host/booking");
        }
    }

    @Test
    void any_other_exception_of_the_host_stays_micronauts_to_answer() {
        var response = api.get("/host/broken");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.mediaType()).isNotEqualTo("application/problem+json");
    }
}
