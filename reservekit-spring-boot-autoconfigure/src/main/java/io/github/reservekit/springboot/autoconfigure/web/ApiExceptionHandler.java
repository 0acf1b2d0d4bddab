package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.InvalidRequestException;
import io.github.reservekit.http.Problem;
import io.github.reservekit.http.ReservationProblems;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.ReservationException;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns failures into RFC 9457 problems: business outcomes of the core, requests that
 * reservation-http refused, and Spring MVC's own request errors, all rendered from {@link ReservationProblems} so
 * the answer matches every other shell. Registered as one of two advices: {@link ForReserveKit}, for ReserveKit's
 * own endpoints only (the default: the application's other controllers keep their error handling), or
 * {@link ForAllRequests} ({@code reservekit.http.all-errors-as-problems=true}, an application that is ReserveKit
 * alone: unknown paths, wrong methods and media types become problems too).
 */
abstract class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** For the requests ReserveKit's controllers handle. */
    @RestControllerAdvice(
            assignableTypes = {
                ReservationController.class,
                ResourceController.class,
                EventViewController.class,
                DocumentsController.class
            })
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class ForReserveKit extends ApiExceptionHandler {}

    /** For every request of the application. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class ForAllRequests extends ApiExceptionHandler {}

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Set<String> HOSTS_EXCEPTIONS = Set.of(
            "org.springframework.security.access.AccessDeniedException",
            "org.springframework.security.core.AuthenticationException",
            "org.springframework.security.authorization.AuthorizationDeniedException");
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    @ExceptionHandler(ReservationException.class)
    ResponseEntity<Object> handleReservationException(ReservationException exception) {
        if (exception instanceof PublicationFailedException failed) {
            log.warn("Event not published (retriable={}): {}", failed.retriable(), failed.getMessage(), failed);
        }
        return render(ReservationProblems.of(exception), new HttpHeaders());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> handleInvalidRequest(InvalidRequestException exception) {
        return render(ReservationProblems.of(exception), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception) throws Exception {
        if (isTheHostsToAnswer(exception)) {
            // Rethrown: not resolved here, so Spring's other resolvers and filters answer it as they would without
            // ReserveKit (Spring Security's ExceptionTranslationFilter: 401/403; @ResponseStatus: its status).
            throw exception;
        }
        log.error("Request failed unexpectedly", exception);
        return render(ReservationProblems.unexpected(), new HttpHeaders());
    }

    /**
     * An exception the host application's own machinery answers: Spring Security's access and authentication
     * exceptions (known by name, so the starter needs no Spring Security), and any exception that declares its
     * status ({@code @ResponseStatus}). With {@code all-errors-as-problems} they reached the host from its own
     * controllers, and a 500 for an access denial would be wrong.
     */
    private static boolean isTheHostsToAnswer(Exception exception) {
        if (AnnotatedElementUtils.hasAnnotation(exception.getClass(), ResponseStatus.class)) {
            return true;
        }
        for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
            if (HOSTS_EXCEPTIONS.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return render(problemFor(exception, status), headers);
    }

    private static Problem problemFor(Exception exception, HttpStatusCode status) {
        return switch (exception) {
            case HttpMessageNotReadableException unreadable -> unreadable(unreadable);
            case HttpMediaTypeNotSupportedException unsupported -> ReservationProblems.unsupportedMediaType();
            case HttpRequestMethodNotSupportedException notAllowed -> ReservationProblems.methodNotAllowed();
            case NoResourceFoundException notFound -> ReservationProblems.noSuchEndpoint();
            default ->
                status.value() == 404
                        ? ReservationProblems.noSuchEndpoint()
                        : ReservationProblems.httpError(status.value());
        };
    }

    /** The body could not be read: larger than the cap, or cut short. */
    private static Problem unreadable(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return ReservationProblems.bodyTooLarge();
            }
        }
        return ReservationProblems.malformedJson();
    }

    private static ResponseEntity<Object> render(Problem problem, HttpHeaders headers) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(problem.status()), problem.detail());
        detail.setType(URI.create(problem.type()));
        detail.setTitle(problem.title());
        problem.body("").forEach((member, value) -> {
            if (!STANDARD_MEMBERS.contains(member)) {
                detail.setProperty(member, value);
            }
        });
        var responseHeaders = new HttpHeaders();
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.retryAfterSeconds()
                .ifPresent(seconds -> responseHeaders.set(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)));
        return ResponseEntity.status(problem.status()).headers(responseHeaders).body(detail);
    }
}
