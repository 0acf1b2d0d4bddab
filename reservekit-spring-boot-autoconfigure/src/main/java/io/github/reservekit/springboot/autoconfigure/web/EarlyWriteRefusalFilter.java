package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.EarlyWriteRefusal;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.http.Problem;
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
 * Answers a write with ReserveKit's {@code 503 overloaded} before Spring MVC reads its body, while this instance's
 * writes in flight are at their bound ({@link EarlyWriteRefusal}): under a burst most requests are refused, and
 * each refusal then costs a header instead of a parsed, validated and routed request whose exception is turned into
 * a problem. Registered for ReserveKit's paths only, before every other filter.
 */
class EarlyWriteRefusalFilter extends OncePerRequestFilter {

    private final WriteLoadQuery writeLoad;

    EarlyWriteRefusalFilter(WriteLoadQuery writeLoad) {
        this.writeLoad = writeLoad;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Problem> refusal = EarlyWriteRefusal.refusal(
                writeLoad.writesAtLimit(),
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getHeader(PlaceReservationRequest.IDEMPOTENCY_KEY));
        if (refusal.isEmpty()) {
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
}
