package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.ReadRequests.AvailabilityView;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.http.ResourceEndpoints;
import io.github.reservekit.http.ResourceView;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Resources and "what is free", mapped onto reservation-http's {@link ResourceEndpoints}. */
@RestController
@RequestMapping(path = "/resources", produces = MediaType.APPLICATION_JSON_VALUE)
class ResourceController {

    private final ResourceEndpoints endpoints;

    ResourceController(DefineResourceUseCase resources, FindAvailabilityQuery availability) {
        this.endpoints = new ResourceEndpoints(resources, availability);
    }

    @PutMapping(path = "/{resourceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResourceView> define(
            @PathVariable String resourceId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch) {
        return ReservationController.ok(endpoints.define(resourceId, body, ifMatch));
    }

    @GetMapping("/{resourceId}")
    ResponseEntity<ResourceView> find(@PathVariable String resourceId) {
        return ReservationController.ok(endpoints.find(resourceId));
    }

    @GetMapping("/{resourceId}/availability")
    AvailabilityView availability(
            @PathVariable String resourceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String units,
            @RequestParam(required = false) String duration) {
        return endpoints.availability(resourceId, from, to, units, duration);
    }
}
