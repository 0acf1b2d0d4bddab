package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.reservation.confirmed.v1} (contract version 3). */
@JsonPropertyOrder({"reservationId", "resourceId", "confirmedAt", "confirmBy", "ifVersion"})
record ConfirmedData(
        String reservationId,
        String resourceId,
        Instant confirmedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long ifVersion) {}
