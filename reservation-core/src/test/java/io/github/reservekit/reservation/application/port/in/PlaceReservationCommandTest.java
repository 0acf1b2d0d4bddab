package io.github.reservekit.reservation.application.port.in;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.dinnerTomorrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceReservationCommandTest {

    private final GuestName ada = new GuestName("Ada");
    private final PartySize four = new PartySize(4);

    @Test
    void typed_values_become_a_command_without_a_key() {
        var command = PlaceReservationCommand.of(TABLE_1, ada, four, dinnerTomorrow());

        assertThat(command.details()).isEqualTo(new ReservationDetails(TABLE_1, ada, four, dinnerTomorrow()));
        assertThat(command.idempotencyKey()).isEmpty();
    }

    @Test
    void a_key_can_be_added_and_keeps_the_details() {
        var command = PlaceReservationCommand.of(TABLE_1, ada, four, dinnerTomorrow());

        var keyed = command.withIdempotencyKey(new IdempotencyKey("order-42"));

        assertThat(keyed.details()).isEqualTo(command.details());
        assertThat(keyed.idempotencyKey()).contains(new IdempotencyKey("order-42"));
    }

    @Test
    void a_missing_part_is_a_programming_error() {
        assertThatThrownBy(() -> new PlaceReservationCommand(null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PlaceReservationCommand.of(TABLE_1, ada, null, dinnerTomorrow()))
                .isInstanceOf(NullPointerException.class);
    }
}
