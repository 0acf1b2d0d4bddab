package io.github.reservekit.http;

import io.github.reservekit.http.ReadRequests.AvailabilityView;
import io.github.reservekit.reservation.application.port.in.DefineResourceUseCase;
import io.github.reservekit.reservation.application.port.in.FindAvailabilityQuery;
import io.github.reservekit.reservation.domain.Resource;
import io.github.reservekit.reservation.domain.ResourceId;
import java.util.Objects;

/**
 * The resource endpoints (CONTRACT.md version 3, sections 4.1 and 4.3) without a framework, once for every shell:
 * {@code PUT} and {@code GET /resources/{resourceId}}, and "what is free", {@code GET
 * /resources/{resourceId}/availability}. Thread-safe.
 */
public final class ResourceEndpoints {

    private final DefineResourceUseCase resources;
    private final FindAvailabilityQuery availability;

    public ResourceEndpoints(DefineResourceUseCase resources, FindAvailabilityQuery availability) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.availability = Objects.requireNonNull(availability, "availability");
    }

    /** {@code PUT /resources/{resourceId}}. */
    public Tagged<ResourceView> define(String resourceId, byte[] body, String ifMatch) {
        return tagged(resources.define(DefineResourceRequest.parse(resourceId, body, ifMatch)));
    }

    /** {@code GET /resources/{resourceId}}. */
    public Tagged<ResourceView> find(String resourceId) {
        return tagged(resources.findResource(new ResourceId(resourceId)));
    }

    /** {@code GET /resources/{resourceId}/availability?from=&to=&units=&duration=}. */
    public AvailabilityView availability(String resourceId, String from, String to, String units, String duration) {
        return AvailabilityView.from(
                availability.availability(ReadRequests.availability(resourceId, from, to, units, duration)));
    }

    private static Tagged<ResourceView> tagged(Resource resource) {
        return Tagged.ofVersion(ResourceView.from(resource), resource.version());
    }
}
