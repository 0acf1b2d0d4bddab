package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NoDoubleBookingTest {

    @Test
    void two_confirmed_reservations_whose_slots_overlap_fail_the_rule() {
        var listed =
                json("[" + reservation("a", "CONFIRMED", 19, 21) + "," + reservation("b", "CONFIRMED", 20, 22) + "]");

        assertThatThrownBy(() -> NoDoubleBooking.assertConfirmedDoNotOverlap("table-1", listed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("two CONFIRMED reservations of table-1 overlap");
    }

    @Test
    void slots_that_only_touch_or_reservations_no_longer_confirmed_keep_it() {
        var listed = json("[" + reservation("a", "CONFIRMED", 19, 21) + "," + reservation("b", "CONFIRMED", 21, 23)
                + "," + reservation("c", "CANCELLED", 20, 22) + "]");

        assertThat(NoDoubleBooking.assertConfirmedDoNotOverlap("table-1", listed))
                .extracting(reservation -> reservation.path("id").asText())
                .containsExactly("a", "b");
    }

    private static String reservation(String id, String status, int fromHour, int toHour) {
        return String.format(
                "{\"id\":\"%s\",\"status\":\"%s\",\"startsAt\":\"2030-12-01T%02d:00:00Z\",\"endsAt\":\"2030-12-01T%02d:00:00Z\"}",
                id, status, fromHour, toHour);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
