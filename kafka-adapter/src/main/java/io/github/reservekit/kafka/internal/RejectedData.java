package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.reservation.rejected.v1}. */
@JsonPropertyOrder({"reservationId", "resourceId", "reason", "rejectedAt", "conflictingReservationId"})
record RejectedData(
        String reservationId,
        String resourceId,
        String reason,
        Instant rejectedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String conflictingReservationId) {}
