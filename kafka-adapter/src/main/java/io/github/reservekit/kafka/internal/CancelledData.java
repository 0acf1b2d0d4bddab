package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.reservation.cancelled.v1}. */
@JsonPropertyOrder({"reservationId", "resourceId", "cancelledAt", "confirmBy", "ifVersion"})
record CancelledData(
        String reservationId,
        String resourceId,
        Instant cancelledAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long ifVersion) {}
