package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.Callers;
import io.github.reservekit.http.EventView;
import io.github.reservekit.http.MoveReservationRequest;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.ReadRequests;
import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.http.ReservationProblems;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.CancelReservationUseCase;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationCommand;
import io.github.reservekit.reservation.application.port.in.ConfirmReservationUseCase;
import io.github.reservekit.reservation.application.port.in.FindReservationQuery;
import io.github.reservekit.reservation.application.port.in.ListReservationsQuery;
import io.github.reservekit.reservation.application.port.in.PlaceReservationUseCase;
import io.github.reservekit.reservation.application.port.in.RescheduleReservationUseCase;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationId;
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
import java.util.List;
import java.util.Optional;

/**
 * The HTTP API of CONTRACT.md section 3, on the core's use-case ports. A request body is read by
 * reservation-http, as in every shell, never bound by micronaut-serde (which would coerce {@code "2"} or
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

    private final PlaceReservationUseCase placeReservation;
    private final CancelReservationUseCase cancelReservation;
    private final ConfirmReservationUseCase confirmReservation;
    private final RescheduleReservationUseCase rescheduleReservation;
    private final FindReservationQuery findReservation;
    private final ListReservationsQuery listReservations;
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
        this.placeReservation = placeReservation;
        this.cancelReservation = cancelReservation;
        this.confirmReservation = confirmReservation;
        this.rescheduleReservation = rescheduleReservation;
        this.findReservation = findReservation;
        this.listReservations = listReservations;
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
        var reservation = placeReservation.place(
                PlaceReservationRequest.parse(body, idempotencyKey).withPlacedBy(caller(request)));
        // Within the server's context path, where the app serves it.
        return HttpResponse.created(
                        ReservationView.from(reservation),
                        URI.create(contextPath + ReservationView.location(reservation)))
                .header(HttpHeaders.ETAG, ReservationView.etag(reservation));
    }

    /** The live view of the topic: the events this instance's listener saw after sequence {@code after}. */
    @Get("/events")
    List<EventView> events(@QueryValue(defaultValue = "0") long after) {
        return recentEvents.after(after);
    }

    @Get("/{id}")
    HttpResponse<ReservationView> find(@PathVariable String id) {
        var reservation = findReservation.findById(ReservationId.parse(id));
        return HttpResponse.ok(ReservationView.from(reservation))
                .header(HttpHeaders.ETAG, ReservationView.etag(reservation));
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
        var listing = ReadRequests.listing(resourceId, from, to, status, limit, after);
        var page = listReservations.list(listing);
        var response = HttpResponse.ok(
                page.reservations().stream().map(ReservationView::from).toList());
        ReadRequests.nextLink(request.getPath(), listing, page)
                .ifPresent(link -> response.header(HttpHeaders.LINK, link));
        return response;
    }

    @Patch("/{id}")
    @Consumes({MoveReservationRequest.MERGE_PATCH, MediaType.APPLICATION_JSON})
    HttpResponse<ReservationView> move(
            @PathVariable String id,
            @Nullable @Body byte[] body,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch,
            HttpRequest<?> request) {
        var reservation =
                rescheduleReservation.reschedule(MoveReservationRequest.parse(ReservationId.parse(id), body, ifMatch)
                        .by(caller(request)));
        return HttpResponse.ok(ReservationView.from(reservation))
                .header(HttpHeaders.ETAG, ReservationView.etag(reservation));
    }

    @Post("/{id}/confirm")
    HttpResponse<ReservationView> confirm(
            @PathVariable String id,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch,
            HttpRequest<?> request) {
        var reservation = confirmReservation.confirm(new ConfirmReservationCommand(
                ReservationId.parse(id), ReservationView.ifMatch(ifMatch), caller(request)));
        return HttpResponse.ok(ReservationView.from(reservation))
                .header(HttpHeaders.ETAG, ReservationView.etag(reservation));
    }

    @Delete("/{id}")
    HttpResponse<ReservationView> cancel(
            @PathVariable String id,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch,
            HttpRequest<?> request) {
        var reservation = cancelReservation.cancel(new CancelReservationCommand(
                ReservationId.parse(id), ReservationView.ifMatch(ifMatch), caller(request)));
        return HttpResponse.ok(ReservationView.from(reservation))
                .header(HttpHeaders.ETAG, ReservationView.etag(reservation));
    }

    private static Optional<PrincipalName> caller(HttpRequest<?> request) {
        return Callers.of(request.getUserPrincipal().orElse(null));
    }
}
