package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.MoveReservationRequest;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.ReservationEndpoints;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.http.Tagged;
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
 * The HTTP API of CONTRACT.md section 3, mapped onto reservation-http's {@link ReservationEndpoints}, as in every
 * shell; errors go to {@link ApiExceptionHandler}. The caller is the host's: the {@link Principal} its security
 * (Spring Security, or any filter that sets the servlet request's user principal) authenticated, none when anonymous.
 */
@RestController
@RequestMapping(path = "/reservations", produces = MediaType.APPLICATION_JSON_VALUE)
class ReservationController {

    private final ReservationEndpoints endpoints;

    ReservationController(ReservationEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReservationView> place(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = PlaceReservationRequest.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request,
            Principal principal) {
        var placed = endpoints.place(body, idempotencyKey, principal);
        // Within the servlet context path, where the app serves it.
        return ResponseEntity.created(URI.create(request.getContextPath() + ReservationEndpoints.location(placed)))
                .eTag(placed.etag())
                .body(placed.body());
    }

    @GetMapping("/{id}")
    ResponseEntity<ReservationView> find(@PathVariable String id) {
        return ok(endpoints.find(id));
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
        var page = endpoints.list(resourceId, from, to, status, limit, after, request.getRequestURI());
        var response = ResponseEntity.ok();
        page.nextLink().ifPresent(link -> response.header(HttpHeaders.LINK, link));
        return response.body(page.reservations());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MoveReservationRequest.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ReservationView> move(
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        return ok(endpoints.move(id, body, ifMatch, principal));
    }

    @PostMapping("/{id}/confirm")
    ResponseEntity<ReservationView> confirm(
            @PathVariable String id,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        return ok(endpoints.confirm(id, ifMatch, principal));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<ReservationView> cancel(
            @PathVariable String id,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        return ok(endpoints.cancel(id, ifMatch, principal));
    }

    /** 200 with the body and its ETag; the same for resources ({@link ResourceController}). */
    static <T> ResponseEntity<T> ok(Tagged<T> answer) {
        return ResponseEntity.ok().eTag(answer.etag()).body(answer.body());
    }
}
