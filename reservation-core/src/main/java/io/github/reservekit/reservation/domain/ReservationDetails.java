package io.github.reservekit.reservation.domain;

import java.util.Objects;

/**
 * What a guest asks for: which resource, for whom, for how many, and when. Two requests with equal details
 * are the same request, which is what makes an idempotent retry recognisable.
 */
public record ReservationDetails(ResourceId resourceId, GuestName guestName, PartySize partySize, TimeSlot slot) {

    public ReservationDetails {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(guestName, "guestName");
        Objects.requireNonNull(partySize, "partySize");
        Objects.requireNonNull(slot, "slot");
    }
}
