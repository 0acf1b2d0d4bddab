package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.InvalidRequestException;
import io.github.reservekit.http.Problem;
import io.github.reservekit.http.ReservationProblems;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.ReservationException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into RFC 9457 problems, all taken from {@link ReservationProblems} so the
 * answer matches the Spring Boot starter's. For an application that is ReserveKit alone
 * ({@code reservekit.http.all-errors-as-problems=true}) it answers every error of the application:
 *
 * <ul>
 *   <li>as the {@link ExceptionHandler} of every {@link RuntimeException} a controller throws (business
 *       outcomes of the core, requests reservation-http refused, and anything unexpected, which is logged and
 *       answered 500);
 *   <li>as the {@link ErrorResponseProcessor} that Micronaut's own handlers and router use for what they detect
 *       (404 no route, 405, 415, 413 over {@code micronaut.server.max-request-size}, ...), replacing its default
 *       JSON error body.
 * </ul>
 *
 * <p>Otherwise (the default, for an application with endpoints of its own) only ReserveKit's own exceptions are
 * answered here, through {@link ReserveKitErrorRoutes} (in either mode), and Micronaut keeps answering the rest.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@Requires(property = ApiErrors.ALL_ERRORS, value = "true")
class ApiErrors implements ExceptionHandler<RuntimeException, HttpResponse<?>>, ErrorResponseProcessor<Object> {

    static final String ALL_ERRORS = "reservekit.http.all-errors-as-problems";

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** A problem for one of ReserveKit's own exceptions ({@link ReserveKitErrorRoutes}). */
    static HttpResponse<?> answer(HttpRequest<?> request, RuntimeException exception) {
        return render(problemFor(exception), request, HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    @Override
    @SuppressWarnings("rawtypes") // ExceptionHandler's own signature
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        return answer(request, exception);
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        var cause = context.getRootCause().orElse(null);
        Problem problem = cause instanceof ReservationException || cause instanceof InvalidRequestException
                ? problemFor(cause)
                : problemForStatus(response.code(), cause);
        return render(problem, context.getRequest(), response);
    }

    private static Problem problemFor(Throwable exception) {
        return switch (exception) {
            case ReservationException outcome -> {
                if (outcome instanceof PublicationFailedException failed) {
                    log.warn("Event not published (retriable={}): {}", failed.retriable(), failed.getMessage(), failed);
                }
                yield ReservationProblems.of(outcome);
            }
            case InvalidRequestException invalid -> ReservationProblems.of(invalid);
            default -> {
                log.error("Request failed unexpectedly", exception);
                yield ReservationProblems.unexpected();
            }
        };
    }

    /** What Micronaut detected itself, mostly before any controller ran. */
    private static Problem problemForStatus(int status, Throwable cause) {
        if (status >= 500) {
            log.error("Request failed unexpectedly (HTTP {})", status, cause);
            return ReservationProblems.unexpected();
        }
        return switch (status) {
            case 404 -> ReservationProblems.noSuchEndpoint();
            case 405 -> ReservationProblems.methodNotAllowed();
            case 413 -> ReservationProblems.bodyTooLarge();
            case 415 -> ReservationProblems.unsupportedMediaType();
            default -> ReservationProblems.httpError(status);
        };
    }

    @SuppressWarnings("unchecked")
    static MutableHttpResponse<Object> render(
            Problem problem, HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object body = problem.body(request.getPath());
        var rendered = ((MutableHttpResponse<Object>) response)
                .status(problem.status())
                .contentType(Problem.MEDIA_TYPE)
                .body(body);
        problem.retryAfterSeconds()
                .ifPresent(seconds -> rendered.header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)));
        return rendered;
    }
}
