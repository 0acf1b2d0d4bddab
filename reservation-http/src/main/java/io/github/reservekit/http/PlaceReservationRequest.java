package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.domain.InvalidReservationException;

/**
 * The body of {@code POST /reservations}. Fields are kept raw (instants as text) so that the core checks every
 * rule and reports every broken field in one problem, the same way in every shell.
 */
public record PlaceReservationRequest(
        String resourceId, String guestName, Integer partySize, String startsAt, String endsAt) {

    /** The JSON field names a request may carry; anything else is rejected. */
    public static final java.util.Set<String> FIELDS =
            java.util.Set.of("resourceId", "guestName", "partySize", "startsAt", "endsAt");

    /**
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
     * @throws InvalidReservationException listing every field that breaks a rule
     */
    public PlaceReservationCommand toCommand(String idempotencyKey) {
        return PlaceReservationCommand.of(resourceId, guestName, partySize, startsAt, endsAt, idempotencyKey);
    }
}
