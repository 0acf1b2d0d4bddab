package io.github.reservekit.reservation.domain;

/** Where a reservation stands. A reservation exists only once its placement event is durably published. */
public enum ReservationStatus {
    /** The slot is held for the guest. */
    CONFIRMED,
    /** The guest no longer holds the slot; the slot is free for others. */
    CANCELLED,
    /**
     * Held for a while, until confirmed, cancelled or expired (CONTRACT.md version 3, section 4.2). Listings accept it
     * already; the fold of this version makes no holds yet.
     */
    HELD,
    /** A hold that was neither confirmed nor cancelled before it expired (CONTRACT.md version 3, section 4.2). */
    EXPIRED
}
