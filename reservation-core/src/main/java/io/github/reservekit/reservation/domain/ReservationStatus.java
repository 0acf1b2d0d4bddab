package io.github.reservekit.reservation.domain;

/** Where a reservation stands. A reservation exists only once its placement event is durably published. */
public enum ReservationStatus {
    /** The slot is held for the guest. */
    CONFIRMED,
    /** The guest no longer holds the slot; the slot is free for others. */
    CANCELLED
}
