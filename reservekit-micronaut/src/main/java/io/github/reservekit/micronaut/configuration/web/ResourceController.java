package io.github.reservekit.micronaut.configuration.web;

import io.github.reservekit.http.ReadRequests.AvailabilityView;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.http.ResourceEndpoints;
import io.github.reservekit.http.ResourceView;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Resources (CONTRACT.md version 3, sections 4.1 and 4.3): {@code PUT} and {@code GET /resources/{resourceId}}, and
 * "what is free", {@code GET /resources/{resourceId}/availability}. Each catches up with the topic first, so they run
 * on the blocking executor.
 */
@Controller("/resources")
@Requires(property = "reservekit.enabled", notEquals = "false")
@Requires(property = "reservekit.http.enabled", notEquals = "false")
@SerdeImport(AvailabilityView.class)
@SerdeImport(AvailabilityView.FreeView.class)
@SerdeImport(ResourceView.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class ResourceController {

    private final ResourceEndpoints endpoints;

    ResourceController(DefineResourceUseCase resources, FindAvailabilityQuery availability) {
        this.endpoints = new ResourceEndpoints(resources, availability);
    }

    @Put("/{resourceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<ResourceView> define(
            @PathVariable String resourceId,
            @Nullable @Body byte[] body,
            @Nullable @Header(ReservationView.IF_MATCH) String ifMatch) {
        return ReservationController.ok(endpoints.define(resourceId, body, ifMatch));
    }

    @Get("/{resourceId}")
    HttpResponse<ResourceView> find(@PathVariable String resourceId) {
        return ReservationController.ok(endpoints.find(resourceId));
    }

    @Get("/{resourceId}/availability")
    AvailabilityView availability(
            @PathVariable String resourceId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String units,
            @Nullable @QueryValue String duration) {
        return endpoints.availability(resourceId, from, to, units, duration);
    }
}
