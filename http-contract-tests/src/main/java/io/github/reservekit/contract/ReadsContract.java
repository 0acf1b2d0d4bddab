package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reads of CONTRACT.md version 3, section 4.3, black-box, as every shell runs them (through
 * {@link HttpContractSuite}): paged listing with an RFC 8288 {@code Link: rel="next"}, filtered by time and status,
 * "what is free", and the horizon. Every response is also checked against the OpenAPI document.
 */
public interface ReadsContract extends ShellContract {

    Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(5));
    Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    private String place(String resource, int fromHour, int toHour) {
        var placement = PlacementJson.placement(
                        resource, DAY.plus(Duration.ofHours(fromHour)), DAY.plus(Duration.ofHours(toHour)))
                .guest("Ada Lovelace");
        return placed(placement).json().path("id").asText();
    }

    private static String hour(int hour) {
        return DAY.plus(Duration.ofHours(hour)).toString();
    }

    @Test
    default void a_listing_comes_in_pages_linked_by_rel_next_until_the_last() {
        String resource = "pages-" + UUID.randomUUID();
        var placed = new ArrayList<String>();
        for (int hour = 0; hour < 7; hour++) {
            placed.add(place(resource, hour, hour + 1));
        }
        String cancelled = placed.get(3);
        assertThat(api().delete("/reservations/" + cancelled).status()).isEqualTo(200);

        var listed = new ArrayList<String>();
        String next = "/reservations?resourceId=" + resource + "&from=" + hour(1) + "&to=" + hour(6)
                + "&status=CONFIRMED&limit=2";
        int pages = 0;
        while (next != null) {
            var page = api().get(next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().forEach(reservation -> listed.add(reservation.path("id").asText()));
            pages++;
            next = page.header("Link")
                    .map(link -> {
                        var matcher = NEXT.matcher(link);
                        assertThat(matcher.matches()).as(link).isTrue();
                        return matcher.group(1);
                    })
                    .orElse(null);
        }

        assertThat(listed)
                .as("CONFIRMED reservations overlapping [1h, 6h), in order of start, each once")
                .containsExactly(placed.get(1), placed.get(2), placed.get(4), placed.get(5));
        assertThat(pages).isEqualTo(2);
    }

    @Test
    default void a_listing_names_every_bad_parameter() {
        var response = api().get("/reservations?resourceId=table-1&from=yesterday&status=LOST&limit=0&after=%21%21");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactlyInAnyOrder("from", "status", "limit", "after");
    }

    @Test
    default void availability_answers_what_is_free_in_a_window() {
        String resource = "free-" + UUID.randomUUID();
        place(resource, 2, 4);
        place(resource, 4, 5);
        place(resource, 7, 8);

        var response = api().get("/resources/" + resource + "/availability?from=" + hour(0) + "&to=" + hour(10)
                + "&duration=PT2H");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var availability = response.json();
        assertThat(availability.path("resourceId").asText()).isEqualTo(resource);
        assertThat(availability.path("capacity").asInt()).isEqualTo(1);
        var free = new ArrayList<String>();
        availability
                .path("free")
                .forEach(interval -> free.add(interval.path("startsAt").asText() + "/"
                        + interval.path("endsAt").asText()));
        assertThat(free).containsExactly(hour(0) + "/" + hour(2), hour(5) + "/" + hour(7), hour(8) + "/" + hour(10));
    }

    @Test
    default void availability_refuses_a_window_over_31_days_and_bad_parameters() {
        var tooLong =
                api().get("/resources/table-1/availability?from=" + hour(0) + "&to=" + DAY.plus(Duration.ofDays(32)));
        var bad = api().get("/resources/table-1/availability?to=" + hour(0) + "&units=none&duration=2h");

        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(fields(tooLong.json())).containsExactly("to");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("from", "units", "duration");
    }

    @Test
    default void a_slot_beyond_the_horizon_is_refused_naming_starts_at() {
        Instant farAhead = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3 * 365));
        var response = api().postJson(
                        "/reservations",
                        PlacementJson.placement(
                                        "far-" + UUID.randomUUID(), farAhead, farAhead.plus(Duration.ofHours(2)))
                                .json());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("startsAt");
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
