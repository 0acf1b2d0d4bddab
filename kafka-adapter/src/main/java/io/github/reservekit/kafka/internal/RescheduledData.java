package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.reservation.rescheduled.v1} (contract version 3). */
@JsonPropertyOrder({
    "reservationId",
    "resourceId",
    "startsAt",
    "endsAt",
    "units",
    "rescheduledAt",
    "confirmBy",
    "ifVersion"
})
record RescheduledData(
        String reservationId,
        String resourceId,
        Instant startsAt,
        Instant endsAt,
        Integer units,
        Instant rescheduledAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long ifVersion) {}
