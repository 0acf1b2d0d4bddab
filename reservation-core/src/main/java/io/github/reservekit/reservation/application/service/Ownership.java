package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.domain.NotReservationOwnerException;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.Reservation;
import java.util.Optional;

/**
 * Who may change a reservation ({@code reservekit.owner-only}). Off (the default): whoever the host application lets
 * through. On: a reservation whose placed event recorded a principal may be cancelled, confirmed or moved by that
 * principal alone; one placed with no principal stays open to every caller, as before.
 *
 * <p>{@code placedBy} never changes after placement, so a writer checks it on its own view once caught up with the
 * log (as every change does first), before it publishes anything: no event is written for a refused change.
 *
 * @param ownerOnly whether the rule is on
 */
public record Ownership(boolean ownerOnly) {

    /** Off: anyone the host lets through may change any reservation. */
    public static final Ownership ANYONE = new Ownership(false);

    /** On: only the principal who placed a reservation may change it. */
    public static final Ownership OWNER_ONLY = new Ownership(true);

    /**
     * @throws NotReservationOwnerException if the rule is on and {@code current} was placed by a principal other than
     *     {@code principal} (or {@code principal} is empty)
     */
    void check(Reservation current, Optional<PrincipalName> principal) {
        if (ownerOnly && current.placedBy().isPresent() && !current.placedBy().equals(principal)) {
            throw new NotReservationOwnerException(current.id());
        }
    }
}
