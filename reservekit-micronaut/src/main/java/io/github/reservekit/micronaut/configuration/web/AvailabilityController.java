package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.ReadRequests;
import io.github.reservekit.http.ReadRequests.AvailabilityView;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * "What is free" (CONTRACT.md section 4.3): {@code GET /resources/{resourceId}/availability}. It catches up with the
 * topic first, so it runs on the blocking executor.
 */
@Controller("/resources")
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "reservekit.http.enabled", notEquals = "false")
@SerdeImport(AvailabilityView.class)
@SerdeImport(AvailabilityView.FreeView.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class AvailabilityController {

    private final FindAvailabilityQuery availability;

    AvailabilityController(FindAvailabilityQuery availability) {
        this.availability = availability;
    }

    @Get("/{resourceId}/availability")
    AvailabilityView availability(
            @PathVariable String resourceId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String units,
            @Nullable @QueryValue String duration) {
        return AvailabilityView.from(
                availability.availability(ReadRequests.availability(resourceId, from, to, units, duration)));
    }
}
