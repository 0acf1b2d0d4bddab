package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.InvalidRequestException;
import io.github.reservekit.reservation.domain.ReservationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;

/**
 * ReserveKit's own exceptions answered as RFC 9457 problems wherever the app throws them (ReserveKit's controllers
 * or the app's own), by {@link ApiErrors}: the core's business outcomes (409, 404, 412, 503 ...) and the requests
 * reservation-http refused (400).
 *
 * <p>Global error routes rather than {@code ExceptionHandler} beans because of what each costs per error: Micronaut
 * looks up an exception handler bean for every error it handles by searching the bean definitions for the closest
 * type argument, uncached, which took a third of the CPU of the requests answered with an outcome at 400 POSTs/s
 * (JFR, issue #22); error routes are matched from the router's short list. Both answer the same problem.
 * Producing any media type, so an {@code Accept} header never sends the error past these routes.
 */
@Controller
@Produces({MediaType.APPLICATION_JSON, MediaType.ALL})
class ReserveKitErrorRoutes {

    @Error(global = true, exception = ReservationException.class)
    HttpResponse<?> outcome(HttpRequest<?> request, ReservationException outcome) {
        return ApiErrors.answer(request, outcome);
    }

    @Error(global = true, exception = InvalidRequestException.class)
    HttpResponse<?> refused(HttpRequest<?> request, InvalidRequestException refused) {
        return ApiErrors.answer(request, refused);
    }
}
