package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.ReadRequests;
import io.github.reservekit.http.ReadRequests.AvailabilityView;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "What is free" (CONTRACT.md section 4.3): {@code GET /resources/{resourceId}/availability}. */
@RestController
class AvailabilityController {

    private final FindAvailabilityQuery availability;

    AvailabilityController(FindAvailabilityQuery availability) {
        this.availability = availability;
    }

    @GetMapping(path = "/resources/{resourceId}/availability", produces = MediaType.APPLICATION_JSON_VALUE)
    AvailabilityView availability(
            @PathVariable String resourceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String units,
            @RequestParam(required = false) String duration) {
        return AvailabilityView.from(
                availability.availability(ReadRequests.availability(resourceId, from, to, units, duration)));
    }
}
