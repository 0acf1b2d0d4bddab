package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.reservation.cancelled.v1}. */
@JsonPropertyOrder({"reservationId", "resourceId", "cancelledAt"})
record CancelledData(String reservationId, String resourceId, Instant cancelledAt) {}
