package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.EarlyWriteRefusal;
import io.github.reservekit.http.PlaceReservationRequest;
import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Answers a write with ReserveKit's {@code 503 overloaded} before its body is read or the request leaves the event
 * loop, while this instance's writes in flight are at their bound ({@link EarlyWriteRefusal}): under a burst most
 * requests are refused, and each refusal then costs a header instead of a routed, parsed and validated request whose
 * exception is turned into a problem.
 */
@ServerFilter({"/reservations", "/reservations/**", "/resources/**"})
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "reservekit.http.enabled", notEquals = "false")
@Requires(beans = WriteLoadQuery.class)
class EarlyWriteRefusalFilter {

    private final WriteLoadQuery writeLoad;

    @Value("${micronaut.server.context-path:}")
    String contextPath = "";

    EarlyWriteRefusalFilter(WriteLoadQuery writeLoad) {
        this.writeLoad = writeLoad;
    }

    /** @return the refusal to answer at once, rendered as every problem is ({@link ApiErrors}), or null */
    @RequestFilter
    @Nullable
    MutableHttpResponse<Object> refuseWhenAtLimit(HttpRequest<?> request) {
        String path = request.getPath();
        return EarlyWriteRefusal.refusal(
                        writeLoad.writesAtLimit(),
                        request.getMethodName(),
                        path.startsWith(contextPath) ? path.substring(contextPath.length()) : path,
                        request.getHeaders().get(PlaceReservationRequest.IDEMPOTENCY_KEY))
                .map(problem -> ApiErrors.render(problem, request, HttpResponse.serverError()))
                .orElse(null);
    }
}
