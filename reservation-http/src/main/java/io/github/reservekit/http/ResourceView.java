package io.github.reservekit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.reservekit.reservation.domain.Resource;
import java.util.Optional;

/**
 * A resource as the HTTP API returns it (CONTRACT.md version 3, section 4.1): {@code name} only when it has one;
 * capacity 1 and version 0 for a resource nobody defined.
 */
public record ResourceView(
        String resourceId,
        int capacity,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        long version) {

    public static ResourceView from(Resource resource) {
        return new ResourceView(
                resource.id().value(), resource.capacity(), resource.name().orElse(null), resource.version());
    }

    /**
     * The version an {@code If-Match} header on {@code PUT /resources/{id}} asks for: empty when absent or {@code *}.
     *
     * @throws InvalidRequestException naming {@code If-Match} when it is not one quoted version such as {@code "0"}
     */
    static Optional<Long> ifMatch(String header) {
        return ReservationView.ifMatch(header, 0, "resource");
    }
}
