package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.util.Objects;

/** What the fold decided about one event (CONTRACT.md section 2, rules 1 to 8). */
public sealed interface FoldDecision {

    /** Rule 6: the placement made this CONFIRMED reservation. */
    record Confirmed(Reservation reservation) implements FoldDecision {
        public Confirmed {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** Rule 7: the cancellation made this reservation CANCELLED. */
    record Cancelled(Reservation reservation) implements FoldDecision {
        public Cancelled {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /**
     * Rules 4 and 5: the placement changed nothing, because the reservation {@code standing} already holds its
     * idempotency key ({@link ReservationRejected.Reason#DUPLICATE}) or its slot ({@link
     * ReservationRejected.Reason#OVERLAP}).
     */
    record Rejected(ReservationRejected.Reason reason, ReservationId standing) implements FoldDecision {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(standing, "standing");
        }
    }

    /** Rules 2 and 7: appended after its {@code confirmBy}, when its writer had given up; it changed nothing. */
    record Voided() implements FoldDecision {}

    /**
     * Rules 3, 7 and 8: nothing to change (a placement of an id already placed, a cancellation of a reservation that
     * is not CONFIRMED, a {@code rejected} event).
     *
     * @param why for logs
     */
    record Unchanged(String why) implements FoldDecision {
        public Unchanged {
            Objects.requireNonNull(why, "why");
        }
    }
}
