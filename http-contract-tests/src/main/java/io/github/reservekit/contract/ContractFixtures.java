package io.github.reservekit.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The resources, times and bodies of the HTTP contract suite's section 3 tests: tomorrow, for Ada Lovelace's 4. */
final class ContractFixtures {

    static final String PLACED = "io.github.reservekit.reservation.placed.v1";
    static final String CANCELLED = "io.github.reservekit.reservation.cancelled.v1";
    static final String SCHEMAS = "https://reservekit.github.io/schemas/";

    private static final Instant TOMORROW =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));

    private ContractFixtures() {}

    /** A resource id no other test uses. */
    static String newResource() {
        return "contract-" + UUID.randomUUID();
    }

    /** The given hour of the suite's day, as the API writes it. */
    static String at(int hour) {
        return TOMORROW.plus(Duration.ofHours(hour)).toString();
    }

    /** Ada Lovelace's table for 4 on {@code resourceId} from {@code fromHour} to {@code toHour}. */
    static PlacementJson placement(String resourceId, int fromHour, int toHour) {
        return PlacementJson.placement(resourceId, Instant.parse(at(fromHour)), Instant.parse(at(toHour)))
                .guest("Ada Lovelace")
                .partySize(4);
    }

    /** {@link #placement} as JSON text. */
    static String body(String resourceId, int fromHour, int toHour) {
        return placement(resourceId, fromHour, toHour).json();
    }
}
