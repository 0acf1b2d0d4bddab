package io.github.reservekit.reservation.application.port.in;

import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import java.time.Instant;
import java.util.Objects;

/** What the fold decided about one event (CONTRACT.md section 4.4). */
public sealed interface FoldDecision {

    /**
     * The placement made this reservation, CONFIRMED or (a hold) HELD (rule 6); or the confirmation made this hold
     * CONFIRMED (rule 7).
     */
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
     * The placement changed nothing, because the reservation {@code standing} already holds its idempotency key
     * ({@link ReservationRejected.Reason#DUPLICATE}) or its slot ({@link ReservationRejected.Reason#OVERLAP}). The
     * standing reservation is carried as the fold saw it, so a writer answers from it even if it leaves memory
     * right after (rule 12).
     */
    record Rejected(ReservationRejected.Reason reason, Reservation standing) implements FoldDecision {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(standing, "standing");
        }
    }

    /** Rule 9: the reservation took its new slot and units (it stays HELD or CONFIRMED). */
    record Moved(Reservation reservation) implements FoldDecision {
        public Moved {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** Rule 10: the definition made the resource what it is now. */
    record Defined(Resource resource) implements FoldDecision {
        public Defined {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * Rule 6, 9 or 10: the write would take more units than the resource holds at instant {@code at} (where
     * {@code units} would be taken), and nothing was changed; also rule 5 for a resource (reason {@code STALE}).
     *
     * @param reason {@link ReservationRejected.Reason#CAPACITY} or {@link ReservationRejected.Reason#STALE}
     * @param resource the resource as it stands
     */
    record ResourceRefused(ReservationRejected.Reason reason, Resource resource, Instant at, int units)
            implements FoldDecision {
        public ResourceRefused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Rule 4: appended after its {@code confirmBy}, when its writer had given up; it changed nothing. */
    record Voided() implements FoldDecision {}

    /**
     * Nothing to change: a copy of an event already applied or a placement of an id already placed (rule 3), a
     * cancellation of a reservation that does not count, a {@code rejected} event.
     *
     * @param why for logs
     */
    record Unchanged(String why) implements FoldDecision {
        public Unchanged {
            Objects.requireNonNull(why, "why");
        }
    }
}
