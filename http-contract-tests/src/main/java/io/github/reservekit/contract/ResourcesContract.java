package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Resources with a capacity (CONTRACT.md version 3, section 4.1), black-box, as every shell runs them (through
 * {@link HttpContractSuite}): a long table of 3 seats, units taken by each reservation, a capacity that cannot be
 * lowered below what is booked, and "what is free" counting units.
 */
public interface ResourcesContract extends ShellContract {

    Instant EVENING =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(9)).plus(Duration.ofHours(18));

    private static String placement(String resource, int fromHour, int hours, int units) {
        return PlacementJson.placement(
                        resource,
                        EVENING.plus(Duration.ofHours(fromHour)),
                        EVENING.plus(Duration.ofHours(fromHour + hours)))
                .units(units)
                .json();
    }

    @Test
    default void a_resource_nobody_defined_holds_one_unit_and_a_definition_gives_it_its_capacity_and_name() {
        String resource = "long-table-" + UUID.randomUUID();
        var before = api().get("/resources/" + resource);
        var defined = api().putJson("/resources/" + resource, "{\"capacity\":3,\"name\":\"The long table\"}");
        var after = api().get("/resources/" + resource);

        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().path("capacity").asInt()).isEqualTo(1);
        assertThat(before.json().path("version").asLong()).isZero();
        assertThat(before.json().has("name")).isFalse();
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        assertThat(defined.header("ETag")).contains("\"1\"");
        assertThat(after.json().path("capacity").asInt()).isEqualTo(3);
        assertThat(after.json().path("name").asText()).isEqualTo("The long table");
    }

    @Test
    default void a_resource_of_capacity_3_takes_units_until_full_and_refuses_more() {
        String resource = "seats-" + UUID.randomUUID();
        api().putJson("/resources/" + resource, "{\"capacity\":3}");

        var two = api().postJson("/reservations", placement(resource, 0, 2, 2));
        var one = api().postJson("/reservations", placement(resource, 1, 2, 1));
        var full = api().postJson("/reservations", placement(resource, 1, 1, 1));
        var afterwards = api().postJson("/reservations", placement(resource, 2, 1, 2));
        var tooMany = api().postJson("/reservations", placement(resource, 5, 1, 4));

        assertThat(two.status()).as(two.body()).isEqualTo(201);
        assertThat(two.json().path("units").asInt()).isEqualTo(2);
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        assertThat(full.status()).as("3 units taken at 19:00: %s", full.body()).isEqualTo(409);
        assertThat(full.json().path("type").asText()).endsWith("reservation-conflict");
        assertThat(afterwards.status())
                .as("at 20:00 only one unit is taken: %s", afterwards.body())
                .isEqualTo(201);
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
        assertThat(tooMany.json().path("type").asText()).endsWith("capacity-exceeded");
    }

    @Test
    default void a_capacity_below_what_is_booked_is_refused_naming_the_instant_and_the_units() {
        String resource = "pool-" + UUID.randomUUID();
        api().putJson("/resources/" + resource, "{\"capacity\":5}");
        api().postJson("/reservations", placement(resource, 0, 2, 2));
        api().postJson("/reservations", placement(resource, 1, 2, 2));

        var tooSmall = api().putJson("/resources/" + resource, "{\"capacity\":3}");
        var stale = api().putJson("/resources/" + resource, "{\"capacity\":9}", "If-Match", "\"7\"");
        var enough = api().putJson("/resources/" + resource, "{\"capacity\":4}", "If-Match", "\"1\"");
        var invalid = api().putJson("/resources/" + resource, "{\"capacity\":0,\"seats\":2}");

        assertThat(tooSmall.status()).as(tooSmall.body()).isEqualTo(409);
        assertThat(tooSmall.json().path("type").asText()).endsWith("capacity-exceeded");
        assertThat(Instant.parse(tooSmall.json().path("at").asText())).isEqualTo(EVENING.plus(Duration.ofHours(1)));
        assertThat(tooSmall.json().path("units").asText()).isEqualTo("4");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(enough.status()).as(enough.body()).isEqualTo(200);
        assertThat(enough.json().path("version").asLong()).isEqualTo(2);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
    }

    @Test
    default void availability_counts_units_against_the_capacity() {
        String resource = "tables-" + UUID.randomUUID();
        api().putJson("/resources/" + resource, "{\"capacity\":2}");
        api().postJson("/reservations", placement(resource, 0, 2, 1)); // 18:00-20:00
        api().postJson("/reservations", placement(resource, 1, 2, 1)); // 19:00-21:00: full 19:00-20:00

        var oneUnit = api().get("/resources/" + resource + "/availability?from=" + EVENING + "&to="
                + EVENING.plus(Duration.ofHours(4)));
        var twoUnits = api().get("/resources/" + resource + "/availability?units=2&from=" + EVENING + "&to="
                + EVENING.plus(Duration.ofHours(4)));

        assertThat(oneUnit.status()).as(oneUnit.body()).isEqualTo(200);
        assertThat(oneUnit.json().path("capacity").asInt()).isEqualTo(2);
        assertThat(oneUnit.json().path("free").size()).as(oneUnit.body()).isEqualTo(2);
        assertThat(Instant.parse(
                        oneUnit.json().path("free").get(0).path("endsAt").asText()))
                .isEqualTo(EVENING.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(
                        twoUnits.json().path("free").get(0).path("startsAt").asText()))
                .as("both units are free only once both reservations ended: %s", twoUnits.body())
                .isEqualTo(EVENING.plus(Duration.ofHours(3)));
    }
}
