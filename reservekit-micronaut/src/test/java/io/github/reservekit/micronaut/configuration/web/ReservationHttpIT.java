package io.github.reservekit.micronaut.configuration.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.ApiClient;
import io.github.reservekit.contract.PlacementJson;
import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.micronaut.configuration.FakePublisherFactory;
import io.github.reservekit.reservation.testing.RecordingReservationPublisher;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Micronaut idioms of the HTTP layer (the raw body reaching reservation-http's parser, size cap, problem
 * rendering) on the recording fake publisher; the full black-box contract runs in {@code MicronautContractIT} on
 * a real broker.
 */
class ReservationHttpIT {

    private static final String START =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).toString();
    private static final String END =
            Instant.parse(START).plus(Duration.ofHours(2)).toString();

    private static EmbeddedServer server;
    private static ApiClient api;
    private static RecordingReservationPublisher publisher;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, FakePublisherFactory.ENABLED, "true", "kafka.enabled", false));
        api = new ApiClient(server.getURI());
        publisher = server.getApplicationContext().getBean(RecordingReservationPublisher.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void recover() {
        publisher.recover();
    }

    private static String body(String resourceId) {
        return PlacementJson.placement(resourceId, Instant.parse(START), Instant.parse(END))
                .json();
    }

    @Test
    void placing_answers_201_with_location_and_the_reservation_as_json() {
        var response = api.postJson("/reservations", body("table-" + UUID.randomUUID()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.mediaType()).isEqualTo("application/json");
        var id = response.json().path("id").asText();
        assertThat(response.header("Location")).contains("/reservations/" + id);
        assertThat(response.body())
                .startsWith("{\"id\":\"" + id + "\",\"resourceId\":")
                .contains("\"partySize\":2", "\"status\":\"CONFIRMED\"");
    }

    @Test
    void a_problem_is_rendered_exactly_as_reservation_problems_orders_it() {
        var response = api.get("/reservations/not-a-uuid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.body())
                .startsWith("{\"type\":\"urn:reservekit:problem:invalid-request\",\"title\":\"Invalid request\","
                        + "\"status\":400,\"detail\":")
                .contains("\"instance\":\"/reservations/not-a-uuid\",\"errors\":[{\"field\":\"id\",\"message\":");
    }

    @Test
    void a_fraction_or_a_quoted_number_as_party_size_is_refused_where_micronaut_serde_would_coerce_it() {
        for (var partySize : new String[] {"2.5", "2.0", "\"2\"", "true", "99999999999"}) {
            var response =
                    api.postJson("/reservations", body("t").replace("\"partySize\":2", "\"partySize\":" + partySize));

            assertThat(response.status()).as(partySize).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("partySize");
        }
    }

    @Test
    void a_number_where_text_goes_is_refused_naming_the_field() {
        var response = api.postJson("/reservations", body("t").replace("\"guestName\":\"Ada\"", "\"guestName\":5"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("guestName");
    }

    @Test
    void an_unknown_member_is_refused_naming_it() {
        var response = api.postJson("/reservations", body("t").replace("\"guestName\"", "\"guest_name\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("guest_name");
    }

    @Test
    void malformed_json_empty_bodies_and_non_objects_answer_400_malformed_json() {
        for (var body : new String[] {"", "{", "[]", "null", "42", "{} {}", body("t") + " trailing"}) {
            var response = api.postJson("/reservations", body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().path("type").asText()).isEqualTo("urn:reservekit:problem:malformed-json");
        }
    }

    @Test
    void a_body_over_16_kib_answers_413_and_one_of_exactly_16_kib_is_read() {
        var padding = "x".repeat(16 * 1024 - body("t").length() - 2);
        var exactly16KiB =
                "{" + "\"pad\":\"" + padding.substring(8) + "\"," + body("t").substring(1);
        assertThat(exactly16KiB).hasSize(16 * 1024 - 1);

        assertThat(api.postJson("/reservations", exactly16KiB).status()).isEqualTo(400);
        var tooLarge = api.postJson("/reservations", exactly16KiB + "  ");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void a_text_body_answers_415_and_an_unknown_path_404_and_a_wrong_method_405_all_as_problems() {
        var unsupported = api.post("/reservations", "text/plain", body("t"));
        var unknown = api.get("/nothing-here");
        var notAllowed = api.send("PATCH", "/reservations");

        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notAllowed.status()).isEqualTo(405);
        for (var response : new ApiClient.Response[] {unsupported, unknown, notAllowed}) {
            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.json().path("type").asText()).startsWith("urn:reservekit:problem:");
        }
    }

    @Test
    void a_failed_publication_answers_503_with_retry_after_and_keeps_nothing() {
        var resource = "table-" + UUID.randomUUID();
        publisher.failWith(true);

        var response = api.postJson("/reservations", body(resource));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).contains("5");
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(api.get("/reservations?resourceId=" + resource).json()).isEmpty();
    }

    @Test
    void the_same_idempotency_key_returns_the_same_reservation_and_publishes_once() {
        var resource = "table-" + UUID.randomUUID();
        int before = publisher.published().size();

        var first = api.postJson("/reservations", body(resource), "Idempotency-Key", "k-" + resource);
        var retry = api.postJson("/reservations", body(resource), "Idempotency-Key", "k-" + resource);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(publisher.published()).hasSize(before + 1);
    }

    @Test
    void the_live_view_lists_the_events_kept_after_the_given_sequence() {
        var view = server.getApplicationContext().getBean(RecentEvents.class);
        var placed = ReservationFixtures.placedEvent(ReservationFixtures.TABLE_1, ReservationFixtures.slot(24, 2));
        var first = view.add(placed, 2, 41);
        var second = view.add(ReservationFixtures.cancelledEvent(placed, ReservationFixtures.clock()), 2, 42);

        var response = api.get("/reservations/events?after=" + first.sequence());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.body())
                .isEqualTo(("[{\"sequence\":%d,\"eventId\":\"%s\",\"type\":\"cancelled\",\"reservationId\":\"%s\","
                                + "\"resourceId\":\"table-1\",\"occurredAt\":\"%s\",\"partition\":2,\"offset\":42}]")
                        .formatted(second.sequence(), second.eventId(), second.reservationId(), second.occurredAt()));
        assertThat(api.get("/reservations/events?after=soon").status()).isEqualTo(400);
    }
}
