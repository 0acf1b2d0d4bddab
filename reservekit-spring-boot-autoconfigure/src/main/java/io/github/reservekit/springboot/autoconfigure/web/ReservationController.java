package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.Callers;
import io.github.reservekit.http.MoveReservationRequest;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.ReadRequests;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.github.reservekit.reservation.domain.ReservationId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API of CONTRACT.md section 3, on the core's use-case ports. A request body is read by reservation-http,
 * as in every shell; errors go to {@link ApiExceptionHandler}. The caller is the host's: the {@link Principal} its
 * security (Spring Security, or any filter that sets the servlet request's user principal) authenticated, none when
 * anonymous; placing records it, and changes pass it for {@code reservekit.owner-only}.
 */
@RestController
@RequestMapping(path = "/reservations", produces = MediaType.APPLICATION_JSON_VALUE)
class ReservationController {

    private final PlaceReservationUseCase placeReservation;
    private final CancelReservationUseCase cancelReservation;
    private final ConfirmReservationUseCase confirmReservation;
    private final RescheduleReservationUseCase rescheduleReservation;
    private final FindReservationQuery findReservation;
    private final ListReservationsQuery listReservations;

    ReservationController(
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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReservationView> place(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = PlaceReservationRequest.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request,
            Principal principal) {
        var reservation = placeReservation.place(
                PlaceReservationRequest.parse(body, idempotencyKey).withPlacedBy(Callers.of(principal)));
        // Within the servlet context path, where the app serves it.
        return ResponseEntity.created(URI.create(request.getContextPath() + ReservationView.location(reservation)))
                .eTag(ReservationView.etag(reservation))
                .body(ReservationView.from(reservation));
    }

    @GetMapping("/{id}")
    ResponseEntity<ReservationView> find(@PathVariable String id) {
        var reservation = findReservation.findById(ReservationId.parse(id));
        return ResponseEntity.ok().eTag(ReservationView.etag(reservation)).body(ReservationView.from(reservation));
    }

    @GetMapping
    ResponseEntity<List<ReservationView>> list(
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        var listing = ReadRequests.listing(resourceId, from, to, status, limit, after);
        var page = listReservations.list(listing);
        var response = ResponseEntity.ok();
        ReadRequests.nextLink(request.getRequestURI(), listing, page)
                .ifPresent(link -> response.header(HttpHeaders.LINK, link));
        return response.body(
                page.reservations().stream().map(ReservationView::from).toList());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MoveReservationRequest.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ReservationView> move(
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        var reservation =
                rescheduleReservation.reschedule(MoveReservationRequest.parse(ReservationId.parse(id), body, ifMatch)
                        .by(Callers.of(principal)));
        return ResponseEntity.ok().eTag(ReservationView.etag(reservation)).body(ReservationView.from(reservation));
    }

    @PostMapping("/{id}/confirm")
    ResponseEntity<ReservationView> confirm(
            @PathVariable String id,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        var reservation = confirmReservation.confirm(new ConfirmReservationCommand(
                ReservationId.parse(id), ReservationView.ifMatch(ifMatch), Callers.of(principal)));
        return ResponseEntity.ok().eTag(ReservationView.etag(reservation)).body(ReservationView.from(reservation));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<ReservationView> cancel(
            @PathVariable String id,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        var reservation = cancelReservation.cancel(new CancelReservationCommand(
                ReservationId.parse(id), ReservationView.ifMatch(ifMatch), Callers.of(principal)));
        return ResponseEntity.ok().eTag(ReservationView.etag(reservation)).body(ReservationView.from(reservation));
    }
}
