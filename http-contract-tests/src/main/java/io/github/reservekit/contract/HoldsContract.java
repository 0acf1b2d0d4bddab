package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Holds of CONTRACT.md version 3, section 4.2, black-box, as every shell runs them (through
 * {@link HttpContractSuite}): a placement with {@code holdFor} is HELD until {@code holdExpiresAt}, can be confirmed
 * or cancelled until then, and afterwards is EXPIRED, no longer counts and can no longer be confirmed.
 */
public interface HoldsContract extends ShellContract {

    Instant HOLD_DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7));

    private static String hold(String resource, String holdFor) {
        return PlacementJson.placement(resource, HOLD_DAY, HOLD_DAY.plus(Duration.ofHours(2)))
                .holdFor(holdFor)
                .json();
    }

    private static String placement(String resource) {
        return PlacementJson.placement(resource, HOLD_DAY, HOLD_DAY.plus(Duration.ofHours(2)))
                .guest("Grace")
                .json();
    }

    @Test
    default void a_hold_is_held_until_it_is_confirmed_and_confirming_again_answers_the_same() {
        String resource = "hold-" + UUID.randomUUID();
        var held = api().postJson("/reservations", hold(resource, "PT10M"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().path("status").asText()).isEqualTo("HELD");
        assertThat(Instant.parse(held.json().path("holdExpiresAt").asText()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
        String id = held.json().path("id").asText();

        var taken = api().postJson("/reservations", placement(resource));
        var confirmed = api().send("POST", "/reservations/" + id + "/confirm", "If-Match", "\"1\"");
        var again = api().send("POST", "/reservations/" + id + "/confirm");

        assertThat(taken.status()).as("a hold takes its slot: %s", taken.body()).isEqualTo(409);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.header("ETag")).contains("\"2\"");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    default void a_hold_that_expired_is_expired_frees_its_slot_and_cannot_be_confirmed() {
        String resource = "expiring-" + UUID.randomUUID();
        var held = api().postJson("/reservations", hold(resource, "PT1S"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().path("id").asText();

        await("the hold shows EXPIRED")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get("/reservations/" + id)
                                .json()
                                .path("status")
                                .asText(),
                        "EXPIRED"::equals);
        var confirm = api().send("POST", "/reservations/" + id + "/confirm");
        var placed = api().postJson("/reservations", placement(resource));

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(409);
        assertThat(confirm.json().path("type").asText()).endsWith("hold-expired");
        assertThat(placed.status())
                .as("the expired hold no longer counts: %s", placed.body())
                .isEqualTo(201);
        assertThat(placed.json().has("holdExpiresAt"))
                .as("a placement without holdFor has no holdExpiresAt, in every shell alike: %s", placed.body())
                .isFalse();
    }

    @Test
    default void a_hold_can_be_cancelled_and_a_hold_longer_than_an_hour_is_refused_naming_hold_for() {
        String resource = "cancel-hold-" + UUID.randomUUID();
        var held = api().postJson("/reservations", hold(resource, "PT10M"));
        var tooLong = api().postJson("/reservations", hold(resource, "PT2H"));
        var cancelled = api().delete("/reservations/" + held.json().path("id").asText());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("holdFor");
    }
}
