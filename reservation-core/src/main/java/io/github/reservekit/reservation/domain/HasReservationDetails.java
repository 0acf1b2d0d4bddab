package io.github.reservekit.reservation.domain;

/**
 * Something that carries a reservation's {@link ReservationDetails} (a reservation, its placed event), with each detail
 * read through them.
 */
public interface HasReservationDetails {

    /** What was asked for: resource, guest, party size and slot. */
    ReservationDetails details();

    /** The resource it books. */
    default ResourceId resourceId() {
        return details().resourceId();
    }

    /** For whom. */
    default GuestName guestName() {
        return details().guestName();
    }

    /** For how many. */
    default PartySize partySize() {
        return details().partySize();
    }

    /** When. */
    default TimeSlot slot() {
        return details().slot();
    }
}
