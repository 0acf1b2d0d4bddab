package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.EventView;
import io.github.reservekit.http.MoveReservationRequest;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.http.ReservationEndpoints;
import io.github.reservekit.http.ReservationProblems;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.http.Tagged;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import java.net.URI;
import java.security.Principal;
import java.util.List;

/**
 * The HTTP API of CONTRACT.md section 3, mapped onto reservation-http's {@link ReservationEndpoints}, as in every
 * shell: a request body is read there, never bound by micronaut-serde (which would coerce {@code "2"} or
 * {@code 2.5} to a whole number); errors go to {@link ApiErrors}.
 * Placing and cancelling wait for Kafka's acknowledgement, so requests run on the blocking executor (virtual
 * threads), never on the event loop. The HTTP model of reservation-http carries no annotation, so the records it
 * answers with are imported for micronaut-serde here. {@code reservekit.http.enabled=false} leaves the API out.
 * The caller is the host's: {@link HttpRequest#getUserPrincipal()}, which Micronaut Security sets to the
 * authentication it made (none when anonymous); placing records it, and changes pass it for
 * {@code reservekit.owner-only}.
 */
@Controller("/reservations")
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "reservekit.http.enabled", notEquals = "false")
@SerdeImport(ReservationView.class)
@SerdeImport(EventView.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReservationController {

    private final ReservationEndpoints endpoints;
    private final RecentEvents recentEvents;

    /** Location headers name the reservation within the server's context path. */
    @Value("${micronaut.server.context-path:}")
    String contextPath = "";

    ReservationController(
            PlaceReservationUseCase placeReservation,
            CancelReservationUseCase cancelReservation,
            ConfirmReservationUseCase confirmReservation,
            RescheduleReservationUseCase rescheduleReservation,
            FindReservationQuery findReservation,
            ListReservationsQuery listReservations,
            RecentEvents recentEvents) {
        this.endpoints = new ReservationEndpoints(
                placeReservation,
                cancelReservation,
                confirmReservation,
                rescheduleReservation,
                findReservation,
                listReservations);
        this.recentEvents = recentEvents;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> place(
            HttpRequest<?> request,
            @Nullable @Body byte[] body,
            @Nullable @Header(PlaceReservationRequest.IDEMPOTENCY_KEY) String idempotencyKey) {
        if (body != null && body.length > ReservationProblems.MAX_BODY_BYTES) {
            // CONTRACT.md section 3, whatever the app's micronaut.server.max-request-size (which bounds the buffering).
            return ApiErrors.render(ReservationProblems.bodyTooLarge(), request, HttpResponse.serverError());
        }
        var placed = endpoints.place(body, idempotencyKey, caller(request));
        // Within the server's context path, where the app serves it.
        return HttpResponse.created(placed.body(), URI.create(contextPath + ReservationEndpoints.location(placed)))
                .header(HttpHeaders.ETAG, placed.etag());
    }

    /** The live view of the topic: the events this instance's listener saw after sequence {@code after}. */
    @Get("/events")
    List<EventView> events(@QueryValue(defaultValue = "0") long after) {
        return recentEvents.after(after);
    }

    @Get("/{id}")
    HttpResponse<ReservationView> find(@PathVariable String id) {
        return ok(endpoints.find(id));
    }

    @Get
    HttpResponse<List<ReservationView>> list(
            @Nullable @QueryValue String resourceId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue List<String> status,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String after,
            HttpRequest<?> request) {
        var page = endpoints.list(resourceId, from, to, status, limit, after, request.getPath());
        var response = HttpResponse.ok(page.reservations());
        page.nextLink().ifPresent(link -> response.header(HttpHeaders.LINK, link));
        return response;
    }

    @Patch("/{id}")
    @Consumes({MoveReservationRequest.MERGE_PATCH, MediaType.APPLICATION_JSON})
    HttpResponse<ReservationView> move(
            @PathVariable String id,
            @Nullable @Body byte[] body,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch,
            HttpRequest<?> request) {
        return ok(endpoints.move(id, body, ifMatch, caller(request)));
    }

    @Post("/{id}/confirm")
    HttpResponse<ReservationView> confirm(
            @PathVariable String id,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch,
            HttpRequest<?> request) {
        return ok(endpoints.confirm(id, ifMatch, caller(request)));
    }

    @Delete("/{id}")
    HttpResponse<ReservationView> cancel(
            @PathVariable String id,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch,
            HttpRequest<?> request) {
        return ok(endpoints.cancel(id, ifMatch, caller(request)));
    }

    /** 200 with the body and its ETag; the same for resources ({@link ResourceController}). */
    static <T> HttpResponse<T> ok(Tagged<T> answer) {
        return HttpResponse.ok(answer.body()).header(HttpHeaders.ETAG, answer.etag());
    }

    private static Principal caller(HttpRequest<?> request) {
        return request.getUserPrincipal().orElse(null);
    }
}
