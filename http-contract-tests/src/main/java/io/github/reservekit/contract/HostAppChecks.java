package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * What both shells promise an app that hosts ReserveKit with a page of its own at {@code /}: the host keeps its
 * {@code /}, ReserveKit's page and documents live under their prefix, and, within a context path, Location headers
 * hold. Each shell's test starts such a host and runs these checks on it.
 */
public final class HostAppChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostAppChecks() {}

    /**
     * The host's page (text "the host's own page") at its root, ReserveKit's page, script and documents under the
     * prefix, none at the root, and a placement's Location within the context path.
     *
     * @param base the host's root within its context path, e.g. {@code http://localhost:8080/shop/}
     * @param contextPath the context path, e.g. {@code /shop}
     * @param redirectStatus how the framework sends the bare prefix to the page: 308 (Micronaut) or 301 (Spring)
     */
    public static void assertReserveKitAnswersUnderItsPrefix(URI base, String contextPath, int redirectStatus)
            throws IOException, InterruptedException {
        assertThat(get(base).body()).isEqualTo("the host's own page");
        var page = get(base.resolve("reservekit/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<meta name=\"reservekit-api\" content=\"../\">");
        var bare = get(base.resolve("reservekit"));
        assertThat(bare.statusCode()).isEqualTo(redirectStatus);
        assertThat(base.resolve("reservekit")
                        .resolve(bare.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(base.resolve("reservekit/"));
        assertThat(get(base.resolve("reservekit/reservekit.js")).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("reservekit/openapi.yaml")).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("reservekit/asyncapi.yaml")).body()).contains("\"schemas/");
        assertThat(get(base.resolve("reservekit/schemas/io.github.reservekit.reservation.placed.v1.json"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(base.resolve("openapi.yaml")).statusCode()).isEqualTo(404);

        var tomorrow = Instant.now().plus(Duration.ofDays(1));
        var placement = PlacementJson.placement("table-1", tomorrow, tomorrow.plus(Duration.ofHours(2)));
        var placed = HTTP.send(
                HttpRequest.newBuilder(base.resolve("reservations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(placement.json()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(placed.headers().firstValue("Location").orElseThrow()).startsWith(contextPath + "/reservations/");
    }

    /** The host's own page at its root, without ReserveKit's script; ReserveKit's page under its prefix. */
    public static void assertOwnPageStaysAtItsRoot(URI base, String ownPageText)
            throws IOException, InterruptedException {
        var own = get(base.resolve("/"));
        var reserveKits = get(base.resolve("/reservekit/"));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(ownPageText).doesNotContain("reservekit.js");
        assertThat(reserveKits.statusCode()).isEqualTo(200);
        assertThat(reserveKits.body()).contains("reservekit.js");
    }

    /**
     * A cancellation by someone who did not place the reservation, refused with the owner-only problem naming it;
     * returns the problem.
     */
    public static JsonNode assertRefusedAsNotTheOwner(HttpResponse<String> refused, String reservationId)
            throws IOException {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:reservekit:problem:not-reservation-owner");
        assertThat(problem.path("reservationId").asText()).isEqualTo(reservationId);
        return problem;
    }

    /** A plain GET, as a browser's first request would be. */
    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
