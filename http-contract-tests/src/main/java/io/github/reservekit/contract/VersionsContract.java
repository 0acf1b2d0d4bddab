package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Versions and conditional writes of CONTRACT.md version 3, section 4.2, black-box, as every shell runs them
 * (through {@link HttpContractSuite}): every reservation has a {@code version}, served as its {@code ETag}, and a
 * cancellation with {@code If-Match} is made only from the current version (412 otherwise).
 */
public interface VersionsContract extends ShellContract {

    private String placed() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(6));
        var response = placed(
                PlacementJson.placement("versions-" + UUID.randomUUID(), start, start.plus(Duration.ofHours(2))));
        assertThat(response.header("ETag")).contains("\"1\"");
        assertThat(response.json().path("version").asLong()).isEqualTo(1);
        return response.json().path("id").asText();
    }

    @Test
    default void a_reservation_has_a_version_served_as_its_etag_and_a_change_counts_it_up() {
        String id = placed();

        var read = api().get("/reservations/" + id);
        var cancelled = api().send("DELETE", "/reservations/" + id, "If-Match", "\"1\"");

        assertThat(read.header("ETag")).contains("\"1\"");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.header("ETag")).contains("\"2\"");
        assertThat(cancelled.json().path("version").asLong()).isEqualTo(2);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    default void a_cancel_with_a_version_that_is_no_longer_current_is_refused_with_412_and_changes_nothing() {
        String id = placed();
        assertThat(api().delete("/reservations/" + id).status()).isEqualTo(200);

        var stale = api().send("DELETE", "/reservations/" + id, "If-Match", "\"1\"");

        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.mediaType()).isEqualTo("application/problem+json");
        assertThat(stale.json().path("currentVersion").asText()).isEqualTo("2");
        assertThat(stale.json().path("currentStatus").asText()).isEqualTo("CANCELLED");
        assertThat(api().get("/reservations/" + id).json().path("version").asLong())
                .isEqualTo(2);
    }

    @Test
    default void if_match_star_matches_any_version_and_a_malformed_one_is_named_in_a_400() {
        String id = placed();

        var malformed = api().send("DELETE", "/reservations/" + id, "If-Match", "version one");
        var any = api().send("DELETE", "/reservations/" + id, "If-Match", "*");

        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("field").asText())
                .isEqualTo("If-Match");
        assertThat(any.status()).as(any.body()).isEqualTo(200);
    }
}
