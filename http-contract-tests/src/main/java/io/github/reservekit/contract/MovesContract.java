package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Moves of CONTRACT.md version 3, section 4.2, black-box, as every shell runs them (through
 * {@link HttpContractSuite}): {@code PATCH /reservations/{id}} moves a reservation on its resource atomically, or
 * leaves it exactly as it was.
 */
public interface MovesContract extends ShellContract {

    Instant MOVE_DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(8));

    private String place(String resource, int fromHour, int toHour) {
        var placement = PlacementJson.placement(
                resource, MOVE_DAY.plus(Duration.ofHours(fromHour)), MOVE_DAY.plus(Duration.ofHours(toHour)));
        return placed(placement).json().path("id").asText();
    }

    private static String at(int hour) {
        return MOVE_DAY.plus(Duration.ofHours(hour)).toString();
    }

    private ApiClient.Response patch(String id, String body, String... headers) {
        return api().patch("/reservations/" + id, "application/merge-patch+json", body, headers);
    }

    @Test
    default void a_move_takes_the_new_slot_and_frees_the_old_one() {
        String resource = "move-" + UUID.randomUUID();
        String dinner = place(resource, 19, 21);

        var moved =
                patch(dinner, "{\"startsAt\":\"" + at(20) + "\",\"endsAt\":\"" + at(22) + "\"}", "If-Match", "\"1\"");
        var inTheOldSlot = api().postJson(
                        "/reservations",
                        PlacementJson.placement(resource, Instant.parse(at(18)), Instant.parse(at(20)))
                                .guest("Grace")
                                .json());

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("startsAt").asText()).isEqualTo(at(20));
        assertThat(moved.json().path("version").asLong()).isEqualTo(2);
        assertThat(moved.header("ETag")).contains("\"2\"");
        assertThat(inTheOldSlot.status()).as(inTheOldSlot.body()).isEqualTo(201);
    }

    @Test
    default void a_move_into_another_reservation_is_refused_naming_it_and_changes_nothing() {
        String resource = "move-" + UUID.randomUUID();
        String dinner = place(resource, 19, 21);
        String late = place(resource, 22, 23);

        var refused = patch(dinner, "{\"endsAt\":\"" + at(23) + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("conflictingReservationId").asText()).isEqualTo(late);
        var unchanged = api().get("/reservations/" + dinner).json();
        assertThat(unchanged.path("endsAt").asText()).isEqualTo(at(21));
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
    }

    @Test
    default void a_bad_move_names_its_members_and_a_cancelled_reservation_cannot_move() {
        String resource = "move-" + UUID.randomUUID();
        String dinner = place(resource, 19, 21);

        var bad = patch(dinner, "{\"startsAt\":\"tonight\",\"units\":0}");
        var unknown = patch(dinner, "{\"resourceId\":\"elsewhere\"}");
        assertThat(api().delete("/reservations/" + dinner).status()).isEqualTo(200);
        var cancelled = patch(dinner, "{\"startsAt\":\"" + at(18) + "\"}");

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(409);
        assertThat(cancelled.json().path("currentStatus").asText()).isEqualTo("CANCELLED");
    }
}
