package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The JSON data of {@code io.github.reservekit.resource.defined.v1} (contract version 3). */
@JsonPropertyOrder({"resourceId", "capacity", "name", "definedAt", "confirmBy", "ifVersion"})
record ResourceDefinedData(
        String resourceId,
        Integer capacity,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        Instant definedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long ifVersion) {}
