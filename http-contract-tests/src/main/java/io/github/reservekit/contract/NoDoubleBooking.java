package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rule every race asserts at its end: no two CONFIRMED reservations of one resource overlap. */
public final class NoDoubleBooking {

    private NoDoubleBooking() {}

    /**
     * Asserts the rule on one resource's listing ({@code GET /reservations?resourceId=...}).
     *
     * @return the listing's CONFIRMED reservations
     */
    public static List<JsonNode> assertConfirmedDoNotOverlap(String resource, JsonNode listed) {
        var confirmed = new ArrayList<JsonNode>();
        listed.forEach(reservation -> {
            if (reservation.path("status").asText().equals("CONFIRMED")) {
                confirmed.add(reservation);
            }
        });
        for (int i = 0; i < confirmed.size(); i++) {
            for (int j = i + 1; j < confirmed.size(); j++) {
                assertThat(overlap(confirmed.get(i), confirmed.get(j)))
                        .as(
                                "two CONFIRMED reservations of %s overlap: %s and %s",
                                resource, confirmed.get(i), confirmed.get(j))
                        .isFalse();
            }
        }
        return confirmed;
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return instant(a, "startsAt").isBefore(instant(b, "endsAt"))
                && instant(b, "startsAt").isBefore(instant(a, "endsAt"));
    }

    private static Instant instant(JsonNode reservation, String field) {
        return Instant.parse(reservation.path(field).asText());
    }
}
