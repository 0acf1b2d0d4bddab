package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.DefineResourceRequest;
import io.github.reservekit.http.ReadRequests;
import io.github.reservekit.http.ReadRequests.AvailabilityView;
import io.github.reservekit.http.ReservationView;
import io.github.reservekit.http.ResourceView;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
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

/**
 * Resources (CONTRACT.md version 3, sections 4.1 and 4.3): {@code PUT} and {@code GET /resources/{resourceId}}, and
 * "what is free", {@code GET /resources/{resourceId}/availability}.
 */
@RestController
@RequestMapping(path = "/resources", produces = MediaType.APPLICATION_JSON_VALUE)
class ResourceController {

    private final DefineResourceUseCase resources;
    private final FindAvailabilityQuery availability;

    ResourceController(DefineResourceUseCase resources, FindAvailabilityQuery availability) {
        this.resources = resources;
        this.availability = availability;
    }

    @PutMapping(path = "/{resourceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResourceView> define(
            @PathVariable String resourceId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = ReservationView.IF_MATCH, required = false) String ifMatch) {
        return answer(resources.define(DefineResourceRequest.parse(resourceId, body, ifMatch)));
    }

    @GetMapping("/{resourceId}")
    ResponseEntity<ResourceView> find(@PathVariable String resourceId) {
        return answer(resources.findResource(new ResourceId(resourceId)));
    }

    @GetMapping("/{resourceId}/availability")
    AvailabilityView availability(
            @PathVariable String resourceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String units,
            @RequestParam(required = false) String duration) {
        return AvailabilityView.from(
                availability.availability(ReadRequests.availability(resourceId, from, to, units, duration)));
    }

    private static ResponseEntity<ResourceView> answer(Resource resource) {
        return ResponseEntity.ok().eTag(ResourceView.etag(resource)).body(ResourceView.from(resource));
    }
}
