package io.github.reservekit.reservation.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.domain.FieldViolation;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaceReservationCommandTest {

    @Test
    void raw_values_become_a_command() {
        var command = PlaceReservationCommand.of(
                "table-1", " Ada ", 4, "2026-12-01T19:00:00Z", "2026-12-01T21:00:00Z", "order-42");

        assertThat(command.details().resourceId().value()).isEqualTo("table-1");
        assertThat(command.details().guestName().value()).isEqualTo("Ada");
        assertThat(command.details().partySize().value()).isEqualTo(4);
        assertThat(command.details().slot().startsAt()).isEqualTo(Instant.parse("2026-12-01T19:00:00Z"));
        assertThat(command.details().slot().endsAt()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(command.idempotencyKey()).contains(new IdempotencyKey("order-42"));
    }

    @Test
    void a_missing_idempotency_key_means_none() {
        var command =
                PlaceReservationCommand.of("table-1", "Ada", 4, "2026-12-01T19:00:00Z", "2026-12-01T21:00:00Z", null);

        assertThat(command.idempotencyKey()).isEmpty();
    }

    @Test
    void every_broken_field_is_reported_at_once() {
        assertThatThrownBy(() -> PlaceReservationCommand.of("bad id!", "", 0, "yesterday", null, ""))
                .isInstanceOfSatisfying(
                        InvalidReservationException.class,
                        invalid -> assertThat(invalid.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly(
                                        "resourceId",
                                        "guestName",
                                        "partySize",
                                        "startsAt",
                                        "endsAt",
                                        "Idempotency-Key"));
    }

    @Test
    void a_slot_rule_is_reported_once_both_instants_are_valid() {
        assertThatThrownBy(() -> PlaceReservationCommand.of(
                        "table-1", "Ada", 4, "2026-12-01T21:00:00Z", "2026-12-01T19:00:00Z", null))
                .isInstanceOfSatisfying(
                        InvalidReservationException.class,
                        invalid -> assertThat(invalid.violations())
                                .containsExactly(new FieldViolation("endsAt", "must be after startsAt")));
    }
}
