package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationId;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The reservation endpoints of CONTRACT.md section 3 without a framework, once for every shell: each reads the
 * request's parts (path variables, headers, body, query parameters, the principal the host's security authenticated,
 * {@code null} when anonymous) into a core command, runs the use case and returns what to answer. A shell's
 * controller only maps its routes onto these and renders the answer in its framework's idiom; failures are thrown for
 * its one error handler ({@link ReservationProblems}). Thread-safe.
 */
public final class ReservationEndpoints {

    private final PlaceReservationUseCase placeReservation;
    private final CancelReservationUseCase cancelReservation;
    private final ConfirmReservationUseCase confirmReservation;
    private final RescheduleReservationUseCase rescheduleReservation;
    private final FindReservationQuery findReservation;
    private final ListReservationsQuery listReservations;

    public ReservationEndpoints(
            PlaceReservationUseCase placeReservation,
            CancelReservationUseCase cancelReservation,
            ConfirmReservationUseCase confirmReservation,
            RescheduleReservationUseCase rescheduleReservation,
            FindReservationQuery findReservation,
            ListReservationsQuery listReservations) {
        this.placeReservation = placeReservation;
        this.cancelReservation = cancelReservation;
        this.confirmReservation = confirmReservation;
        this.rescheduleReservation = rescheduleReservation;
        this.findReservation = findReservation;
        this.listReservations = listReservations;
    }

    /**
     * A page of {@code GET /reservations}.
     *
     * @param nextLink the {@code Link} header to the next page, when there is one
     */
    public record Listing(List<ReservationView> reservations, Optional<String> nextLink) {}

    /**
     * {@code POST /reservations}: answered 201 with the reservation and, as its {@code Location}, {@link #location}
     * within the app's context path.
     */
    public Tagged<ReservationView> place(byte[] body, String idempotencyKey, Principal caller) {
        return tagged(placeReservation.place(
                PlaceReservationRequest.parse(body, idempotencyKey).withPlacedBy(Callers.of(caller))));
    }

    /** {@code GET /reservations/{id}}. */
    public Tagged<ReservationView> find(String id) {
        return tagged(findReservation.findById(ReservationId.parse(id)));
    }

    /** {@code GET /reservations?...}, the next page's link made from the request's {@code path}. */
    public Listing list(
            String resourceId, String from, String to, List<String> status, String limit, String after, String path) {
        var listing = ReadRequests.listing(resourceId, from, to, status, limit, after);
        var page = listReservations.list(listing);
        return new Listing(
                page.reservations().stream().map(ReservationView::from).toList(),
                ReadRequests.nextLink(path, listing, page));
    }

    /** {@code PATCH /reservations/{id}}: a JSON merge patch of its slot and units. */
    public Tagged<ReservationView> move(String id, byte[] body, String ifMatch, Principal caller) {
        return tagged(rescheduleReservation.reschedule(
                MoveReservationRequest.parse(ReservationId.parse(id), body, ifMatch, Callers.of(caller))));
    }

    /** {@code POST /reservations/{id}/confirm}. */
    public Tagged<ReservationView> confirm(String id, String ifMatch, Principal caller) {
        return tagged(confirmReservation.confirm(new ConfirmReservationCommand(
                ReservationId.parse(id), ReservationView.ifMatch(ifMatch), Callers.of(caller))));
    }

    /** {@code DELETE /reservations/{id}}. */
    public Tagged<ReservationView> cancel(String id, String ifMatch, Principal caller) {
        return tagged(cancelReservation.cancel(new CancelReservationCommand(
                ReservationId.parse(id), ReservationView.ifMatch(ifMatch), Callers.of(caller))));
    }

    /** The {@code Location} of a reservation answered by {@link #place}, relative to the app's context path. */
    public static String location(Tagged<ReservationView> placed) {
        return "/reservations/" + placed.body().id();
    }

    private static Tagged<ReservationView> tagged(Reservation reservation) {
        return Tagged.ofVersion(ReservationView.from(reservation), reservation.version());
    }
}
