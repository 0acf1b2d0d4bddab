package io.github.reservekit.spring.web;

import io.github.reservekit.http.Problem;
import io.github.reservekit.http.ReservationProblems;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.ReservationException;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns failures into RFC 9457 problems: business outcomes of the core, and Spring MVC's own
 * request errors, all rendered from {@link ReservationProblems} so the answer matches every other shell.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    @ExceptionHandler(ReservationException.class)
    ResponseEntity<Object> handleReservationException(ReservationException exception) {
        if (exception instanceof PublicationFailedException failed) {
            log.warn("Event not published (retriable={}): {}", failed.retriable(), failed.getMessage(), failed);
        }
        return render(ReservationProblems.of(exception), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception) {
        log.error("Request failed unexpectedly", exception);
        return render(ReservationProblems.unexpected(), new HttpHeaders());
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
            default -> ReservationProblems.httpError(status.value());
        };
    }

    /** Walks the cause chain: a too-large body, an unknown field, a value of the wrong type, or bad JSON. */
    private static Problem unreadable(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return ReservationProblems.bodyTooLarge();
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return ReservationProblems.unknownField(unknown.getPropertyName());
            }
            // A value of the wrong JSON type, or a number beyond the field's range: name the field. (Syntax
            // errors are other JacksonExceptions and stay "malformed JSON".)
            if ((cause instanceof DatabindException || cause instanceof InputCoercionException)
                    && cause instanceof JacksonException jackson
                    && !jackson.getPath().isEmpty()) {
                var field = jackson.getPath().getFirst().getPropertyName();
                if (field != null) {
                    return ReservationProblems.wrongType(field);
                }
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
