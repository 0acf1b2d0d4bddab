package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.EarlyWriteRefusal;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.Problem;
import io.github.reservekit.http.WritesInProgress;
import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a write with ReserveKit's {@code 503 overloaded} before Spring MVC reads its body, while this instance
 * already serves as many write requests as its bound on writes in flight ({@link WritesInProgress}, {@link
 * EarlyWriteRefusal}): under a burst most requests are refused, and each refusal then costs a header instead of a
 * parsed, validated and routed request whose exception is turned into a problem. A write let through counts until
 * it is answered. Registered for ReserveKit's paths only, before every other filter.
 */
class EarlyWriteRefusalFilter extends OncePerRequestFilter {

    private final WritesInProgress writes;

    EarlyWriteRefusalFilter(WriteLoadQuery writeLoad) {
        this.writes = new WritesInProgress(writeLoad);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!EarlyWriteRefusal.isWrite(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (writes.tryStart()) {
            try {
                chain.doFilter(request, response);
            } finally {
                writes.finished();
            }
            return;
        }
        Optional<Problem> refusal = EarlyWriteRefusal.refusal(
                true,
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getHeader(PlaceReservationRequest.IDEMPOTENCY_KEY));
        if (refusal.isEmpty()) { // a placement with a bad Idempotency-Key: its 400 as always
            chain.doFilter(request, response);
            return;
        }
        Problem problem = refusal.get();
        byte[] body = problem.json(request.getRequestURI());
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        problem.retryAfterSeconds()
                .ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The write requests this filter let through and that have no answer yet. */
    int writesInProgress() {
        return writes.serving();
    }
}
