package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API of CONTRACT.md section 3, on the core's use-case ports. A request body is read by reservation-http,
 * as in every shell; errors go to {@link ApiExceptionHandler}.
 */
@RestController
@RequestMapping(path = "/reservations", produces = MediaType.APPLICATION_JSON_VALUE)
class ReservationController {

    private final PlaceReservationUseCase placeReservation;
    private final CancelReservationUseCase cancelReservation;
    private final FindReservationQuery findReservation;
    private final ListReservationsQuery listReservations;

    ReservationController(
            PlaceReservationUseCase placeReservation,
            CancelReservationUseCase cancelReservation,
            FindReservationQuery findReservation,
            ListReservationsQuery listReservations) {
        this.placeReservation = placeReservation;
        this.cancelReservation = cancelReservation;
        this.findReservation = findReservation;
        this.listReservations = listReservations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReservationView> place(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = PlaceReservationRequest.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        var reservation = placeReservation.place(PlaceReservationRequest.parse(body, idempotencyKey));
        // Within the servlet context path, where the app serves it.
        return ResponseEntity.created(URI.create(request.getContextPath() + ReservationView.location(reservation)))
                .body(ReservationView.from(reservation));
    }

    @GetMapping("/{id}")
    ReservationView find(@PathVariable String id) {
        return ReservationView.from(findReservation.findById(ReservationId.parse(id)));
    }

    @GetMapping
    List<ReservationView> list(@RequestParam(required = false) String resourceId) {
        return listReservations.listByResource(new ResourceId(resourceId)).stream()
                .map(ReservationView::from)
                .toList();
    }

    @DeleteMapping("/{id}")
    ReservationView cancel(@PathVariable String id) {
        return ReservationView.from(cancelReservation.cancel(new CancelReservationCommand(ReservationId.parse(id))));
    }
}
