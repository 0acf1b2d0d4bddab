package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.reservation.placed.v1}, field for field as CONTRACT.md says. */
@JsonPropertyOrder({
    "reservationId",
    "resourceId",
    "guestName",
    "partySize",
    "startsAt",
    "endsAt",
    "createdAt",
    "status",
    "idempotencyKey",
    "confirmBy",
    "holdFor",
    "units",
    "placedBy"
})
record PlacedData(
        String reservationId,
        String resourceId,
        String guestName,
        Integer partySize,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String idempotencyKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String holdFor,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer units,
        @JsonInclude(JsonInclude.Include.NON_NULL) String placedBy) {}
